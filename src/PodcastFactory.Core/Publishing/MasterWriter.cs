using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Publishing;

/// <summary>
/// Runs the master into a temporary MP3 file and, once the tag is known (chapters need the timeline), writes
/// tag + MP3 to the store as <c>episode.mp3</c>. Nothing of the episode is held in memory.
/// </summary>
public sealed class MasterWriter(IArtifactStore store, PublishingOptions options) : IAsyncDisposable
{
    const double PeakMarginDb = 0.1;
    readonly string _temp = Path.Combine(Path.GetTempPath(), $"podcastfactory-master-{Guid.NewGuid():N}.mp3");

    /// <summary>The encoder's description, for the manifest.</summary>
    public string EncoderDescription { get; private set; } = "";

    /// <summary>Masters the segments into the temporary MP3.</summary>
    /// <exception cref="NonRetryableException">No MP3 encoder is installed or configured (retrying cannot help).</exception>
    public async Task<MasterResult> MasterAsync(SegmentPlan plan, IReadOnlyList<string> segmentArtifacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(segmentArtifacts);
        if (plan.Segments.Count != segmentArtifacts.Count)
        {
            throw new InvalidOperationException($"The plan has {plan.Segments.Count} segments but {segmentArtifacts.Count} were synthesized.");
        }

        string path = EncoderLocator.Find(options.EncoderPath)
            ?? throw new NonRetryableException("No MP3 encoder found: install ffmpeg or lame (apt-get install ffmpeg), or set Publishing:EncoderPath.");
        var encoder = new ExternalMp3Encoder(path, options.Mp3BitrateKbps, TimeSpan.FromSeconds(options.EncoderTimeoutSeconds));
        EncoderDescription = encoder.Description;
        var inputs = segmentArtifacts
            .Select((name, i) => new StitchInput(name, ct => store.OpenReadAsync(name, ct), plan.Segments[i].PauseAfterMs))
            .ToList();
        double target = options.TargetLufs;
        double ceiling = options.MaxTruePeakDbtp - options.CodecHeadroomDb;
        MasterResult result = await new EpisodeMasterer(target, ceiling).MasterAsync(inputs, plan.Format, rate => encoder.StartAsync(rate, _temp, cancellationToken), cancellationToken);
        Encoded = await MeasureEncodedAsync(encoder, path, cancellationToken);

        // The codec shifts loudness (a few tenths of a LU at 64 kbit/s) and peaks: when the MP3 itself misses the
        // target by more than the tolerance, master once more with the measured error corrected.
        double loudnessError = options.TargetLufs - Encoded.IntegratedLufs;
        double peakExcess = Encoded.TruePeakDbtp - (options.MaxTruePeakDbtp - PeakMarginDb);
        if (Math.Abs(loudnessError) > options.LoudnessToleranceLu || peakExcess > 0)
        {
            target += loudnessError;
            // Peaks the managed limiter under-reads scale with the gain: a louder second master needs the extra gain off the ceiling too.
            ceiling -= Math.Max(0, loudnessError) + (peakExcess > 0 ? peakExcess + 0.2 : 0);
            result = await new EpisodeMasterer(target, ceiling).MasterAsync(inputs, plan.Format, rate => encoder.StartAsync(rate, _temp, cancellationToken), cancellationToken);
            Encoded = await MeasureEncodedAsync(encoder, path, cancellationToken);
            Passes = 2;
        }

        return result;
    }

    /// <summary>Loudness and true peak of the encoded MP3 (decoded and measured), after <see cref="MasterAsync"/>.</summary>
    public LoudnessReport? Encoded { get; private set; }

    /// <summary>How many times the episode was mastered and encoded (2 when the codec's shift had to be corrected).</summary>
    public int Passes { get; private set; } = 1;

    // The managed meter (NLayer decode), and ffmpeg's ebur128 as a second opinion when ffmpeg is the encoder: the higher
    // true peak wins, so the published file meets the limit by either measure.
    async Task<LoudnessReport> MeasureEncodedAsync(ExternalMp3Encoder encoder, string encoderPath, CancellationToken cancellationToken)
    {
        LoudnessReport managed = Mp3Loudness.Measure(_temp, cancellationToken);
        if (encoder.IsLame || await FfmpegLoudness.MeasureAsync(encoderPath, _temp, TimeSpan.FromSeconds(options.EncoderTimeoutSeconds), cancellationToken) is not { } ffmpeg)
        {
            return managed;
        }

        return managed with { TruePeakDbtp = Math.Max(managed.TruePeakDbtp, ffmpeg.TruePeakDbtp) };
    }

    /// <summary>Writes <paramref name="tag"/> followed by the encoded MP3 to <paramref name="name"/>.</summary>
    public async Task<ArtifactInfo> WriteAsync(string name, byte[] tag, string inputHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        string tagged = _temp + ".tagged";
        try
        {
            await using (var output = new FileStream(tagged, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 65536, useAsync: true))
            {
                await output.WriteAsync(tag, cancellationToken);
                await using (var mp3 = new FileStream(_temp, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, useAsync: true))
                {
                    await mp3.CopyToAsync(output, cancellationToken);
                }

                output.Position = 0;
                return await store.WriteAsync(name, output, ContentTypes.Mp3, inputHash, cancellationToken);
            }
        }
        finally
        {
            File.Delete(tagged);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        File.Delete(_temp);
        return ValueTask.CompletedTask;
    }
}
