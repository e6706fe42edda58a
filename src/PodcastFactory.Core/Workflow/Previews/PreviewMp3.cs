using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Workflow.Previews;

/// <summary>
/// Offline speech (flite, espeak-ng) is WAV; a preview is answered as MP3 like the cloud providers' (a tenth of the
/// bytes for the same sample), encoded with the publish stage's encoder (ffmpeg or lame, <c>Publishing:EncoderPath</c>).
/// Where no encoder is installed the preview stays WAV: hearing a voice does not need a publishing setup.
/// </summary>
public sealed class PreviewMp3(PublishingOptions options)
{
    /// <summary>The most a preview's encode may take (a 200-character sample encodes in well under a second).</summary>
    static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    readonly string? _encoder = EncoderLocator.Find(options.EncoderPath);

    /// <summary>True when WAV previews are encoded to MP3 (an encoder was found).</summary>
    public bool Available => _encoder is not null;

    /// <summary>Encodes the 16-bit PCM WAV in <paramref name="wav"/> to MP3; throws when it is another kind of WAV.</summary>
    public async Task<MemoryStream> EncodeAsync(Stream wav, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wav);
        string path = _encoder ?? throw new InvalidOperationException("No MP3 encoder was found (Publishing:EncoderPath).");
        WavHeader header = await WavHeader.ReadAsync(wav, cancellationToken);
        if (header.Format is not { Channels: 1, BitsPerSample: 16 })
        {
            throw new InvalidDataException($"A preview encodes 16-bit mono speech; the provider spoke {header.Format}.");
        }

        var encoder = new ExternalMp3Encoder(path, options.Mp3BitrateKbps, _timeout);
        string temp = Path.Combine(Path.GetTempPath(), $"pf-preview-{Guid.NewGuid():N}.mp3");
        try
        {
            await using (IPcmEncoding encoding = await encoder.StartAsync(header.Format.SampleRate, temp, cancellationToken))
            {
                wav.Position = header.DataOffset;
                await CopyAsync(wav, encoding.Input, header.DataLength, cancellationToken);
                await encoding.CompleteAsync(cancellationToken);
            }

            return new MemoryStream(await File.ReadAllBytesAsync(temp, cancellationToken));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    // The data chunk only: a chunk after it (LIST tags) is not audio.
    static async Task CopyAsync(Stream from, Stream to, long? length, CancellationToken cancellationToken)
    {
        if (length is not { } remaining)
        {
            await from.CopyToAsync(to, cancellationToken);
            return;
        }

        byte[] buffer = new byte[16384];
        while (remaining > 0 && await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken) is > 0 and var read)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            remaining -= read;
        }
    }
}
