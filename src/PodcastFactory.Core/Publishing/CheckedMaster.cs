using System.Globalization;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Publishing;

/// <summary>What <see cref="CheckedMaster"/> produced.</summary>
/// <param name="Master">The last pass's master (gain, limiter, PCM figures, timeline).</param>
/// <param name="Encoded">Loudness and true peak of the encoded file, as decoded.</param>
/// <param name="Passes">Master and encode passes run (1 when the first met the target).</param>
/// <param name="Warning">Why the file still misses the target after the last pass, with the figures; null when it meets it.</param>
public sealed record CheckedMasterResult(MasterResult Master, LoudnessReport Encoded, int Passes, string? Warning);

/// <summary>
/// Masters and encodes until the encoded file itself meets the target: its integrated loudness within
/// <see cref="PublishingOptions.LoudnessToleranceLu"/> of <see cref="PublishingOptions.TargetLufs"/> and its true peak
/// under <see cref="PublishingOptions.MaxTruePeakDbtp"/>. The segments are measured once; each pass after the first
/// corrects the measured error (the codec shifts loudness and peaks), at most <see cref="MaxPasses"/> passes; a file
/// that still misses is kept and the miss is reported as a warning with its figures, never silently.
/// </summary>
public sealed class CheckedMaster(PublishingOptions options, IPcmEncoder encoder, Func<string, CancellationToken, LoudnessReport> measureEncoded)
{
    /// <summary>Most master and encode passes per episode.</summary>
    public const int MaxPasses = 3;

    // The peak check keeps this much below the limit, for what the decoder's meter and others' may read differently.
    const double PeakMarginDb = 0.1;

    /// <summary>Masters <paramref name="inputs"/> into <paramref name="mp3Path"/>, checking every pass.</summary>
    public async Task<CheckedMasterResult> RunAsync(IReadOnlyList<StitchInput> inputs, AudioFormat format, string mp3Path, CancellationToken cancellationToken)
    {
        MeasuredEpisode episode = await EpisodeMasterer.MeasureAsync(inputs, format, cancellationToken);
        double target = options.TargetLufs;
        double ceiling = options.MaxTruePeakDbtp - options.CodecHeadroomDb;
        for (int pass = 1; ; pass++)
        {
            MasterResult master = await new EpisodeMasterer(target, ceiling).RenderAsync(episode, rate => encoder.StartAsync(rate, mp3Path, cancellationToken), cancellationToken);
            LoudnessReport encoded = measureEncoded(mp3Path, cancellationToken);
            double loudnessError = options.TargetLufs - encoded.IntegratedLufs;
            double peakExcess = encoded.TruePeakDbtp - (options.MaxTruePeakDbtp - PeakMarginDb);
            if (Math.Abs(loudnessError) <= options.LoudnessToleranceLu && peakExcess <= 0)
            {
                return new CheckedMasterResult(master, encoded, pass, null);
            }

            if (pass == MaxPasses)
            {
                return new CheckedMasterResult(master, encoded, pass, Miss(encoded, pass));
            }

            target += loudnessError;
            // Peaks the limiter under-reads scale with the gain: a louder pass needs the extra gain off the ceiling too.
            ceiling -= Math.Max(0, loudnessError) + (peakExcess > 0 ? peakExcess + 0.2 : 0);
        }
    }

    string Miss(LoudnessReport encoded, int passes) => string.Create(CultureInfo.InvariantCulture,
        $"episode.mp3 misses the loudness target after {passes} passes: {encoded.IntegratedLufs:0.00} LUFS (target {options.TargetLufs:0.0} ± {options.LoudnessToleranceLu:0.0#} LU), true peak {encoded.TruePeakDbtp:0.00} dBTP (limit {options.MaxTruePeakDbtp:0.0} dBTP)");
}
