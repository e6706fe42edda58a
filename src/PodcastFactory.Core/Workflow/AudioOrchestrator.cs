using Microsoft.DurableTask;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>Input of <see cref="AudioOrchestrator"/>.</summary>
/// <param name="EpisodeId">Episode.</param>
/// <param name="PlanArtifact">The segment plan.</param>
/// <param name="SegmentCount">Segments in the plan.</param>
/// <param name="Extension">Audio file extension.</param>
/// <param name="Language">Language of the speech.</param>
/// <param name="MaxParallel">Ceiling of segments in flight at once (Workflow:MaxParallelSegments).</param>
/// <param name="ThrottleDeadlineMinutes">How long throttled segments may keep waiting (inputs written before it existed: 60).</param>
public sealed record AudioInput(string EpisodeId, string PlanArtifact, int SegmentCount, string Extension, string Language, int MaxParallel, int ThrottleDeadlineMinutes = 60);

/// <summary>Output of <see cref="AudioOrchestrator"/>.</summary>
public sealed record AudioOutput(string Artifact, double DurationSeconds, int SegmentCount, long Bytes, IReadOnlyList<string> SegmentArtifacts, IReadOnlyList<AgentUsage> Usages);

/// <summary>
/// Speech fan-out: one activity per segment with at most <see cref="AudioInput.MaxParallel"/> in flight (a new
/// segment starts as soon as one finishes), then one stitch activity. Each segment is its own checkpoint, so a
/// crash re-synthesizes only the segments that had not finished. A segment the provider throttles waits on a
/// durable timer and is tried again until the throttle deadline: throttling delays the audio, it never drops it
/// (issue 22: two of five episodes lost their audio when one segment spent its attempts on 429s).
/// </summary>
public sealed class AudioOrchestrator : TaskOrchestrator<AudioInput, AudioOutput>
{
    /// <inheritdoc />
    public override async Task<AudioOutput> RunAsync(TaskOrchestrationContext context, AudioInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var throttle = new ThrottleWait(context.CurrentUtcDateTime, TimeSpan.FromMinutes(input.ThrottleDeadlineMinutes));
        var results = new SynthesizeSegmentOutput[input.SegmentCount];
        var inFlight = new Dictionary<Task<SynthesizeSegmentOutput>, int>();
        int next = 0, done = 0;
        while (done < input.SegmentCount)
        {
            while (next < input.SegmentCount && inFlight.Count < input.MaxParallel)
            {
                inFlight.Add(SynthesizeAsync(context, input, next, throttle), next++);
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

    static async Task<SynthesizeSegmentOutput> SynthesizeAsync(TaskOrchestrationContext context, AudioInput input, int index, ThrottleWait throttle)
    {
        var segment = new SynthesizeSegmentInput(input.EpisodeId, input.PlanArtifact, index, input.Language);
        for (TimeSpan waited = TimeSpan.Zero; ;)
        {
            try
            {
                return await context.CallActivityAsync<SynthesizeSegmentOutput>(nameof(SynthesizeSegmentActivity), segment, SpeechOptions);
            }
            catch (TaskFailedException failed) when (ThrottleWait.Asked(failed.FailureDetails) is { } asked)
            {
                // The speech retry policy leaves throttled failures to us: wait what the provider asked, durably.
                TimeSpan wait = throttle.Next(context.CurrentUtcDateTime, asked.RetryAfter, asked.Provider, waited, index);
                Logs.SegmentThrottled(context.CreateReplaySafeLogger<AudioOrchestrator>(), input.EpisodeId, index, asked.Provider, wait.TotalSeconds);
                await context.CreateTimer(context.CurrentUtcDateTime + wait, CancellationToken.None);
                waited += wait;
            }
        }
    }
}
