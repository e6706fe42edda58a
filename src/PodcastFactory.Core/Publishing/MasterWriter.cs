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
    readonly string _temp = Path.Combine(Path.GetTempPath(), $"podcastfactory-master-{Guid.NewGuid():N}.mp3");

    /// <summary>The encoder's description, for the manifest.</summary>
    public string EncoderDescription { get; private set; } = "";

    /// <summary>Masters the segments into the temporary MP3, checked on the MP3 itself (see <see cref="CheckedMaster"/>).</summary>
    /// <exception cref="NonRetryableException">No MP3 encoder is installed or configured (retrying cannot help).</exception>
    public async Task<CheckedMasterResult> MasterAsync(SegmentPlan plan, IReadOnlyList<string> segmentArtifacts, CancellationToken cancellationToken)
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

        // The MP3 is measured as listeners get it: decoded (NLayer) and metered with the managed BS.1770 meter, whose
        // 4x / 32-tap true peak agrees with ffmpeg's ebur128 within 0.25 dB (TruePeakAccuracyTests), so no second
        // opinion from another process is needed.
        return await new CheckedMaster(options, encoder, Mp3Loudness.Measure).RunAsync(inputs, plan.Format, _temp, cancellationToken);
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
