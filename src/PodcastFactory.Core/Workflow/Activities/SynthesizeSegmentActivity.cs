using PodcastFactory.Core.Models;
using System.Diagnostics;
using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// Speaks one segment with its host's voice and writes <c>audio/segment-nnn.ext</c>. A segment already produced
/// from the same text, voice and provider is not synthesized again (a cache hit at zero cost).
/// </summary>
public sealed class SynthesizeSegmentActivity(IArtifactStore store, ISpeechSynthesizer speech) : TaskActivity<SynthesizeSegmentInput, SynthesizeSegmentOutput>
{
    /// <inheritdoc />
    public override async Task<SynthesizeSegmentOutput> RunAsync(TaskActivityContext context, SynthesizeSegmentInput input)
    {
        var clock = Stopwatch.StartNew();
        SegmentPlan plan = await store.ReadJsonAsync<SegmentPlan>(input.PlanArtifact, CancellationToken.None);
        if (input.Index < 0 || input.Index >= plan.Segments.Count)
        {
            throw new InvalidOperationException($"Segment {input.Index} does not exist; the plan has {plan.Segments.Count}.");
        }

        AudioSegment segment = plan.Segments[input.Index];
        string name = ArtifactNames.Segment(input.EpisodeId, input.Index, AudioStitcherFactory.FileExtension(plan.Format));
        string hash = InputHash.Of(nameof(SynthesizeSegmentActivity), segment.Text, segment.Voice, input.Language, speech.Name, plan.Format);
        if (await store.GetInfoAsync(name, CancellationToken.None) is { } existing && existing.InputHash == hash)
        {
            var hit = AgentUsage.CacheHitFor(AgentNames.AudioSynthesizer, "characters", clock.Elapsed.TotalMilliseconds);
            return new SynthesizeSegmentOutput(name, existing.Length, hit);
        }

        using var audio = new MemoryStream();
        AgentUsage usage = await speech.SynthesizeAsync(segment.Text, segment.Voice, input.Language, audio, CancellationToken.None);
        if (audio.Length == 0)
        {
            throw new InvalidDataException($"{speech.Name} returned no audio for segment {input.Index + 1}.");
        }

        audio.Position = 0;
        ArtifactInfo info = await store.WriteAsync(name, audio, ContentTypes.ForName(name), hash, CancellationToken.None);
        return new SynthesizeSegmentOutput(name, info.Length, usage);
    }
}
