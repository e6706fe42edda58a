using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// Failure details as a producer reads them: the stage and the underlying reason, never the Durable Task framework's
/// wrapping ("Task 'SynthesizeSegmentActivity' (#27) failed with an unhandled exception: ..."), which names internals
/// (activity classes, history sequence numbers) and hides the reason at the end of a chain.
/// </summary>
public static partial class FailureReasons
{
    static readonly Dictionary<string, string> _stages = new(StringComparer.Ordinal)
    {
        [nameof(ResearchAngleActivity)] = Stages.Research, [nameof(MergeResearchActivity)] = Stages.Research, [nameof(ReadShowBibleActivity)] = Stages.Research,
        [nameof(WriteScriptActivity)] = Stages.Script, [nameof(ReviewScriptActivity)] = Stages.Review,
        [nameof(PolishScriptActivity)] = Stages.Polish,
        [nameof(WriteSocialPostActivity)] = Stages.Social, [nameof(PlanSegmentsActivity)] = Stages.Audio,
        [nameof(SynthesizeSegmentActivity)] = Stages.Audio, [nameof(StitchAudioActivity)] = Stages.Audio,
        [nameof(AudioOrchestrator)] = Stages.Audio, [nameof(FinalEvaluationActivity)] = Stages.Quality,
        [nameof(PublishEpisodeActivity)] = Stages.Publish, [nameof(RecordInBibleActivity)] = Stages.Publish, [nameof(WriteManifestActivity)] = Stages.Manifest,
        [nameof(RecordRevisionActivity)] = Stages.Manifest,
    };

    /// <summary>
    /// The underlying reason of a failed call, for a caller that names the stage itself. The framework puts the reason
    /// of a failed activity inside a sub-orchestration's message, after its wrapper, so unwrapping the message is enough.
    /// </summary>
    public static string Of(TaskFailureDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        string cleaned = Wrapper().Replace(details.ErrorMessage ?? "", "").Trim();
        return cleaned.Length > 0 ? cleaned : Clean(details.ErrorMessage);
    }

    /// <summary>
    /// A whole run's failure message without the framework's task wrappers, naming the stage of the task that failed when
    /// the message does not already (<c>Stage 'audio' failed: espeak-ng ...</c>).
    /// </summary>
    public static string Clean(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "failed (no reason was recorded)";
        }

        Match first = Wrapper().Match(message);
        string cleaned = Wrapper().Replace(message, "").Trim();
        string? stage = first.Success && _stages.TryGetValue(first.Groups["task"].Value, out string? known) ? known : null;
        if (cleaned.Length == 0)
        {
            return stage is null ? "failed (no reason was recorded)" : $"Stage '{stage}' failed: no reason was recorded";
        }

        return stage is null || cleaned.StartsWith("Stage '", StringComparison.Ordinal) ? cleaned : $"Stage '{stage}' failed: {cleaned}";
    }

    [GeneratedRegex(@"Task '(?<task>[^']*)' \(#\d+\) failed with an unhandled exception(: |\.)")]
    private static partial Regex Wrapper();
}
