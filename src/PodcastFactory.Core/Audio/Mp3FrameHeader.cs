namespace PodcastFactory.Core.Audio;

/// <summary>MPEG audio version from a frame header.</summary>
public enum MpegVersion
{
    /// <summary>MPEG-1 (32, 44.1, 48 kHz; 1152 samples per Layer III frame).</summary>
    Mpeg1,
    /// <summary>MPEG-2 LSF (16, 22.05, 24 kHz; 576 samples per Layer III frame).</summary>
    Mpeg2,
    /// <summary>MPEG-2.5 (8, 11.025, 12 kHz; 576 samples per Layer III frame).</summary>
    Mpeg25,
}

/// <summary>Channel mode from a frame header.</summary>
public enum Mp3ChannelMode
{
    /// <summary>Two independent channels.</summary>
    Stereo,
    /// <summary>Joint stereo.</summary>
    JointStereo,
    /// <summary>Two mono channels.</summary>
    DualChannel,
    /// <summary>One channel.</summary>
    Mono,
}

/// <summary>A parsed MPEG Layer III frame header (the 4 bytes that start every frame).</summary>
/// <param name="Version">MPEG version.</param>
/// <param name="BitrateKbps">Bitrate of this frame in kbit/s.</param>
/// <param name="SampleRate">Sample rate in Hz.</param>
/// <param name="Padding">Whether the frame carries one padding byte.</param>
/// <param name="ChannelMode">Channel mode.</param>
/// <param name="HasCrc">Whether a 16-bit CRC follows the header.</param>
public readonly record struct Mp3FrameHeader(
    MpegVersion Version, int BitrateKbps, int SampleRate, bool Padding, Mp3ChannelMode ChannelMode, bool HasCrc)
{
    /// <summary>Size of a frame header in bytes.</summary>
    public const int Size = 4;

    static readonly int[] _mpeg1Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    static readonly int[] _mpeg2Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    static readonly int[] _mpeg1Rates = [44100, 48000, 32000];

    /// <summary>Number of channels: 1 for mono, 2 otherwise.</summary>
    public int Channels => ChannelMode == Mp3ChannelMode.Mono ? 1 : 2;

    /// <summary>Samples per channel in the frame: 1152 for MPEG-1, 576 for MPEG-2 and 2.5.</summary>
    public int SamplesPerFrame => Version == MpegVersion.Mpeg1 ? 1152 : 576;

    /// <summary>Frame length in bytes, header included.</summary>
    public int FrameLength => (Version == MpegVersion.Mpeg1 ? 144 : 72) * BitrateKbps * 1000 / SampleRate + (Padding ? 1 : 0);

    /// <summary>Bytes of Layer III side information after the header (and CRC).</summary>
    public int SideInfoLength => (Version, ChannelMode) switch
    {
        (MpegVersion.Mpeg1, Mp3ChannelMode.Mono) => 17,
        (MpegVersion.Mpeg1, _) => 32,
        (_, Mp3ChannelMode.Mono) => 9,
        _ => 17,
    };

    /// <summary>
    /// Parses a Layer III header. Rejects other layers, the reserved version, free-format and "bad" bitrates and
    /// the reserved sample rate, which is what makes resynchronisation on garbage reliable.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header)
    {
        header = default;
        if (bytes.Length < Size || bytes[0] != 0xFF || (bytes[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        int versionBits = (bytes[1] >> 3) & 3, layerBits = (bytes[1] >> 1) & 3;
        int bitrateIndex = bytes[2] >> 4, rateIndex = (bytes[2] >> 2) & 3;
        if (versionBits == 1 || layerBits != 1 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return false;
        }

        MpegVersion version = versionBits switch { 3 => MpegVersion.Mpeg1, 2 => MpegVersion.Mpeg2, _ => MpegVersion.Mpeg25 };
        int sampleRate = _mpeg1Rates[rateIndex] / (version switch { MpegVersion.Mpeg1 => 1, MpegVersion.Mpeg2 => 2, _ => 4 });
        int bitrate = (version == MpegVersion.Mpeg1 ? _mpeg1Bitrates : _mpeg2Bitrates)[bitrateIndex];
        header = new Mp3FrameHeader(
            version, bitrate, sampleRate, (bytes[2] & 2) != 0, (Mp3ChannelMode)(bytes[3] >> 6), (bytes[1] & 1) == 0);
        return true;
    }

    /// <summary>
    /// Builds a silent frame shaped like this one at the lowest bitrate: all-zero side information (no main data,
    /// no reservoir reference), so every decoder outputs <see cref="SamplesPerFrame"/> samples of silence.
    /// </summary>
    public byte[] CreateSilentFrame()
    {
        Mp3FrameHeader silent = this with { BitrateKbps = (Version == MpegVersion.Mpeg1 ? _mpeg1Bitrates : _mpeg2Bitrates)[1], Padding = false, HasCrc = false };
        byte[] frame = new byte[silent.FrameLength];
        frame[0] = 0xFF;
        frame[1] = (byte)(0xE0 | (Version switch { MpegVersion.Mpeg1 => 3, MpegVersion.Mpeg2 => 2, _ => 0 }) << 3 | 1 << 1 | 1);
        frame[2] = (byte)(1 << 4 | RateIndex() << 2);
        frame[3] = (byte)((int)ChannelMode << 6);
        return frame;
    }

    int RateIndex()
    {
        int baseRate = SampleRate * (Version switch { MpegVersion.Mpeg1 => 1, MpegVersion.Mpeg2 => 2, _ => 4 });
        return Array.IndexOf(_mpeg1Rates, baseRate);
    }
}
