using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Tests.Audio.Mastering;

namespace PodcastFactory.Core.Tests.Publishing;

/// <summary>
/// A codec that costs the given loudness on each pass (the first loss on the first encode, and so on; the last repeats),
/// as a low-passing MP3 encoder costs speech with sibilants a few tenths of a LU; "measuring" the file meters the
/// PCM it was sent with that loss applied.
/// </summary>
sealed class LossyCodec(params double[] lossDbPerPass) : IPcmEncoder
{
    CapturingEncoder? _last;

    public int Encodes { get; private set; }

    public string Description => "lossy test codec";

    public Task<IPcmEncoding> StartAsync(int sampleRate, string outputPath, CancellationToken cancellationToken)
    {
        Encodes++;
        _last = new CapturingEncoder();
        return _last.Start(sampleRate);
    }

    public LoudnessReport Measure(string path, CancellationToken cancellationToken)
    {
        float gain = (float)Math.Pow(10, -lossDbPerPass[Math.Min(Encodes, lossDbPerPass.Length) - 1] / 20);
        float[] samples = [.. _last!.Samples().Select(s => s * gain)];
        var meter = new LoudnessMeter(_last.SampleRate, 1);
        meter.Add(samples);
        return meter.Report();
    }
}
