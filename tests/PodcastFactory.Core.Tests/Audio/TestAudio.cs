using System.Buffers.Binary;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Tests.Audio;

/// <summary>Audio generated in the tests and the fixtures committed with them.</summary>
internal static class TestAudio
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "audio", name);

    /// <summary>A 16-bit (or 8-bit) PCM sine wave with a canonical header.</summary>
    public static byte[] SineWav(WavFormat format, int sampleFrames, double frequency = 440)
    {
        byte[] data = SinePcm(format, sampleFrames, frequency);
        return [.. WavHeader.CreateCanonical(format, data.Length), .. data];
    }

    public static byte[] SinePcm(WavFormat format, int sampleFrames, double frequency)
    {
        int bytesPerSample = format.BitsPerSample / 8;
        byte[] data = new byte[sampleFrames * format.BlockAlign];
        for (int n = 0; n < sampleFrames; n++)
        {
            double value = Math.Sin(2 * Math.PI * frequency * n / format.SampleRate) * 0.5;
            for (int c = 0; c < format.Channels; c++)
            {
                int offset = n * format.BlockAlign + c * bytesPerSample;
                if (bytesPerSample == 1)
                {
                    data[offset] = (byte)(128 + value * 127);
                }
                else
                {
                    BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(offset), (short)(value * short.MaxValue));
                }
            }
        }

        return data;
    }

    public static StitchInput Input(string name, byte[] bytes, int pauseAfterMs = 0, bool seekable = true) =>
        new(name, _ => Task.FromResult<Stream>(seekable ? new MemoryStream(bytes, writable: false) : new NonSeekableStream(bytes)), pauseAfterMs);

    public static StitchInput FixtureInput(string fileName, int pauseAfterMs = 0) =>
        new(fileName, _ => Task.FromResult<Stream>(File.OpenRead(Fixture(fileName))), pauseAfterMs);
}
