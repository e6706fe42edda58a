using Microsoft.DurableTask;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>Input of <see cref="AudioOrchestrator"/>.</summary>
public sealed record AudioInput(string EpisodeId, string PlanArtifact, int SegmentCount, string Extension, string Language, int MaxParallel);

/// <summary>Output of <see cref="AudioOrchestrator"/>.</summary>
public sealed record AudioOutput(string Artifact, double DurationSeconds, int SegmentCount, long Bytes, IReadOnlyList<string> SegmentArtifacts, IReadOnlyList<AgentUsage> Usages);

/// <summary>
/// Speech fan-out: one activity per segment with at most <see cref="AudioInput.MaxParallel"/> in flight (a new
/// segment starts as soon as one finishes), then one stitch activity. Each segment is its own checkpoint, so a
/// crash re-synthesizes only the segments that had not finished.
/// </summary>
public sealed class AudioOrchestrator : TaskOrchestrator<AudioInput, AudioOutput>
{
    /// <inheritdoc />
    public override async Task<AudioOutput> RunAsync(TaskOrchestrationContext context, AudioInput input)
    {
        var results = new SynthesizeSegmentOutput[input.SegmentCount];
        var inFlight = new Dictionary<Task<SynthesizeSegmentOutput>, int>();
        int next = 0, done = 0;
        while (done < input.SegmentCount)
        {
            while (next < input.SegmentCount && inFlight.Count < input.MaxParallel)
            {
                Task<SynthesizeSegmentOutput> call = context.CallActivityAsync<SynthesizeSegmentOutput>(
                    nameof(SynthesizeSegmentActivity),
                    new SynthesizeSegmentInput(input.EpisodeId, input.PlanArtifact, next, input.Language),
                    SpeechOptions);
                inFlight.Add(call, next++);
            }

            Task<SynthesizeSegmentOutput> finished = await Task.WhenAny(inFlight.Keys);
            results[inFlight[finished]] = await finished;
            inFlight.Remove(finished);
            done++;
        }

        List<string> segments = results.Select(r => r.Artifact).ToList();
        StitchAudioOutput stitched = await context.CallActivityAsync<StitchAudioOutput>(
            nameof(StitchAudioActivity),
            new StitchAudioInput(input.EpisodeId, input.PlanArtifact, segments, input.Extension),
            StorageOptions);
        return new AudioOutput(stitched.Artifact, stitched.DurationSeconds, input.SegmentCount, stitched.Bytes, segments, results.Select(r => r.Usage).ToList());
    }
}
