using NLayer;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>Measures an MP3 file as listeners get it: decoded with the managed NLayer decoder, then metered (BS.1770, true peak).</summary>
public static class Mp3Loudness
{
    /// <summary>Decodes <paramref name="path"/> and measures it, streaming.</summary>
    /// <exception cref="InvalidDataException">The file is not a decodable MP3.</exception>
    public static LoudnessReport Measure(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var mpeg = new MpegFile(path);
            var meter = new LoudnessMeter(mpeg.SampleRate, Math.Min(2, mpeg.Channels));
            float[] buffer = new float[16384 * mpeg.Channels];
            int read;
            while ((read = mpeg.ReadSamples(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                meter.Add(buffer.AsSpan(0, read - (read % mpeg.Channels)));
            }

            return meter.Report();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or InvalidDataException))
        {
            throw new InvalidDataException($"'{path}' is not a decodable MP3: {ex.Message}", ex);
        }
    }
}
