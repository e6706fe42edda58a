using PodcastFactory.Core.Audio.Mastering;

namespace PodcastFactory.Core.Tests.Audio.Mastering;

/// <summary>An encoder that keeps the PCM it is sent, so mastering can be checked without an MP3 encoder installed.</summary>
sealed class CapturingEncoder : IPcmEncoding
{
    public MemoryStream Pcm { get; } = new();

    public int SampleRate { get; private set; }

    public Stream Input => Pcm;

    public bool Completed { get; private set; }

    public Task<IPcmEncoding> Start(int rate)
    {
        SampleRate = rate;
        return Task.FromResult<IPcmEncoding>(this);
    }

    public float[] Samples()
    {
        byte[] bytes = Pcm.ToArray();
        var samples = new float[bytes.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = BitConverter.ToInt16(bytes, i * 2) / 32768f;
        }

        return samples;
    }

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        Completed = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
