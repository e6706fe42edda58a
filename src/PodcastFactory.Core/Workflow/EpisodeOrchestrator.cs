using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Webhooks;
using static PodcastFactory.Core.Workflow.EpisodeRun;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// One episode, top to bottom: plan, research (fan-out per angle), script, quality gate with bounded revisions, a polish
/// pass on a passed script (<see cref="PolishStage"/>), optional approval, social post in parallel with the tail (audio, final evaluation, publish, manifest: the
/// <see cref="EpisodeTail"/> a re-voice runs too). Activities exchange artifact names, never content. Research, script
/// and review are critical; social, audio and publish fail soft.
/// </summary>
public sealed class EpisodeOrchestrator : TaskOrchestrator<EpisodeInput, EpisodeResult>
{
    /// <inheritdoc />
    public override async Task<EpisodeResult> RunAsync(TaskOrchestrationContext context, EpisodeInput input)
    {
        var run = new EpisodeRun(context, input);
        EpisodeRequest request = input.Request;
        EpisodePlan plan = EpisodePlanner.Plan(request);
        run.LogStarted();
        EpisodeEvents.Raise(context, input.Settings.Webhooks, WebhookEventTypes.Started, new EpisodeEventData(run.Id, "running", Show: input.Request.Show));
        var brief = new ScriptBrief(request.Topic, request.Hosts, request.TargetMinutes, request.Language, input.Settings.SegmentMaxCharacters,
            request.Format, request.Instructions);
        try
        {
            MergeResearchOutput research = await ResearchAsync(run, plan);
            GateResult gate = await QualityGateAsync(run, brief, research, plan.MaxRevisions);
            if (gate.Passed)
            {
                gate = gate with { Script = await PolishStage.RunAsync(run, plan, brief, research, gate.Script, gate.Revision) };
            }

            if (EpisodeLength.Shortfall(request.TargetMinutes, gate.Script.WordCount) is string shortfall)
            {
                run.Warn(shortfall);
            }

            ApprovalGate.Verdict verdict = await ApprovalGate.DecideAsync(run, gate.Passed);
            if (!verdict.Proceed)
            {
                string why = verdict.RejectedBecause is null ? "script did not pass review" : "script rejected";
                run.Skip(Stages.Social, why, warn: false);
                run.Skip(Stages.Audio, why + ": no money spent on speech", warn: false);
                return await FinishAsync(run, verdict.RejectedBecause is null ? EpisodeOutcome.NeedsReview : EpisodeOutcome.Rejected, gate.Script.Title, audio: null, verdict.RejectedBecause);
            }

            var voicing = new Voicing(gate.Script.Artifact, gate.Script.WordCount, research.JsonArtifact, [.. run.Input.Sources.Select(s => s.Name)],
                plan.RunAudio ? AudioNeed.Optional : AudioNeed.NotRequested, plan.RunSocial);
            // The speech estimate is known before either stage starts, so the budget goes to the audio first.
            Task<SpeechPlan> speech = plan.RunAudio ? AudioStage.PlanAsync(run, voicing) : Task.FromResult(SpeechPlan.None);
            Task<WriteSocialPostOutput?> social = SocialAsync(run, plan, gate.Script, research, speech);
            return await EpisodeTail.VoiceAndPublishAsync(run, voicing, speech, ArtifactOf(social), voiced =>
            {
                bool missing = (plan.RunAudio && voiced.Audio is null) || (plan.RunSocial && voiced.SocialArtifact is null) || voiced.Publish == PublishOutcome.Failed;
                return FinishAsync(run, missing ? EpisodeOutcome.Partial : EpisodeOutcome.Completed, gate.Script.Title, voiced.Audio);
            });
        }
        catch (EpisodeStageFailedException failure)
        {
            // The manifest records what was produced before the failure, so nothing is lost silently.
            WriteManifestOutput manifest = await WriteManifestAsync(run, status: "failed", failure.Message);
            run.LogFailed(failure);
            EpisodeEvents.RaiseFinished(run, outcome: null, title: null, Math.Max(manifest.TotalCostUsd, run.Ledger.TotalUsd), failure.Message);
            throw;
        }
    }

    static async Task<MergeResearchOutput> ResearchAsync(EpisodeRun run, EpisodePlan plan)
    {
        StageClock stage = run.Begin(Stages.Research);
        await StageGuards.EnsureBudgetAsync(run, stage, plan.Angles.Count * run.Input.Settings.Estimates.ResearchCallUsd);
        await SeriesMemory.ReadAsync(run);
        ResearchAngleOutput[] angles = await StageGuards.Critical(run, stage, () => Task.WhenAll(plan.Angles.Select((angle, i) =>
            run.Context.CallActivityAsync<ResearchAngleOutput>(
                nameof(ResearchAngleActivity),
                new ResearchAngleInput(run.Id, run.Input.Request.Topic, angle, i, run.Input.Request.Language, run.Input.Sources,
                    run.Input.Request.Research ?? ResearchMode.Sources, run.Input.Request.Depth),
                LlmOptions))));
        run.Spent(stage.Name, angles.Select(a => a.Usage).Concat(angles.SelectMany(a => a.SearchUsages ?? [])));
        run.Produced([.. angles.SelectMany(a => new[] { a.Artifact, a.JsonArtifact })]);

        MergeResearchOutput merged = await StageGuards.Critical(run, stage, () => run.Context.CallActivityAsync<MergeResearchOutput>(
            nameof(MergeResearchActivity),
            new MergeResearchInput(run.Id, run.Input.Request.Topic, angles.Select(a => a.JsonArtifact).ToList()),
            StorageOptions));
        run.Produced(merged.Artifact, merged.JsonArtifact);
        WebResearchGuard.Check(run, stage, merged);

        run.Complete(stage, Invariant($"{angles.Length} angles, {merged.NoteCount} notes"));
        return merged;
    }

    // Evaluator-optimizer loop: review, and on failure revise, at most maxRevisions times.
    static async Task<GateResult> QualityGateAsync(EpisodeRun run, ScriptBrief brief, MergeResearchOutput research, int maxRevisions)
    {
        StageClock scriptStage = run.Begin(Stages.Script);
        WriteScriptOutput script = await WriteScriptAsync(run, scriptStage, brief, research, revision: 0);
        run.Complete(scriptStage, Invariant($"{script.WordCount} words, {script.TurnCount} turns"));

        StageClock stage = run.Begin(Stages.Review);
        for (int revision = 0; ; revision++)
        {
            await StageGuards.EnsureBudgetAsync(run, stage, run.Input.Settings.Estimates.ReviewCallUsd);
            ReviewScriptOutput review = await StageGuards.Critical(run, stage, () => run.Context.CallActivityAsync<ReviewScriptOutput>(
                nameof(ReviewScriptActivity), new ReviewScriptInput(run.Id, brief, research.JsonArtifact, script.RevisionArtifact, revision), LlmOptions));
            run.Spent(stage.Name, review.Usage);
            run.Produced(review.Artifact);
            if (review.Passed || revision == maxRevisions)
            {
                run.Complete(stage, Invariant($"{(review.Passed ? "passed" : "failed")} at revision {revision} (score {review.Score:0.00})"));
                return new GateResult(script, review.Passed, revision);
            }

            run.Publish(Stages.Review, Stages.PercentWithin(Stages.Review, revision + 1, maxRevisions + 1));
            script = await WriteScriptAsync(run, stage, brief, research, revision + 1);
        }
    }

    static async Task<WriteScriptOutput> WriteScriptAsync(EpisodeRun run, StageClock stage, ScriptBrief brief, MergeResearchOutput research, int revision)
    {
        await StageGuards.EnsureBudgetAsync(run, stage, run.Input.Settings.Estimates.ScriptCallUsd);
        WriteScriptOutput script = await StageGuards.Critical(run, stage, () => run.Context.CallActivityAsync<WriteScriptOutput>(
            nameof(WriteScriptActivity), new WriteScriptInput(run.Id, brief, research.JsonArtifact, revision), LlmOptions));
        run.Spent(stage.Name, script.Usage);
        run.Produced(script.Artifact, ArtifactNames.ScriptMarkdown(run.Id), script.RevisionArtifact);
        return script;
    }

    static async Task<WriteSocialPostOutput?> SocialAsync(EpisodeRun run, EpisodePlan plan, WriteScriptOutput script, MergeResearchOutput research, Task<SpeechPlan> speech)
    {
        if (!plan.RunSocial)
        {
            run.Skip(Stages.Social, "not requested (priority audio)", warn: false);
            return null;
        }

        // The post runs only if it fits beside the episode's speech: a budget too small for both keeps the audio. Without
        // a budget nothing is weighed, and the post does not wait for the segment plan.
        decimal speechReserved = run.Input.Request.BudgetUsd is null ? 0m : (await speech).EstimateUsd;
        if (await StageGuards.SkipOverBudgetAsync(run, Stages.Social, run.Input.Settings.Estimates.SocialCallUsd, speechReserved))
        {
            return null;
        }

        StageClock stage = run.Begin(Stages.Social);
        WriteSocialPostOutput? post = await StageGuards.Optional(run, stage, () => run.Context.CallActivityAsync<WriteSocialPostOutput>(
            nameof(WriteSocialPostActivity), new WriteSocialPostInput(run.Id, run.Input.Request.Topic, script.Artifact, research.JsonArtifact, run.Input.Request.Language), LlmOptions));
        if (post is not null)
        {
            run.Spent(stage.Name, post.Usage);
            run.Produced(post.Artifact);
            run.Complete(stage, Invariant($"{post.Length}/{post.MaxLength} characters for {post.Platform}"));
        }

        return post;
    }

    static async Task<string?> ArtifactOf(Task<WriteSocialPostOutput?> post) => (await post)?.Artifact;

    static async Task<EpisodeResult> FinishAsync(EpisodeRun run, EpisodeOutcome outcome, string title, AudioOutput? audio, string? error = null)
    {
        string status = EpisodeOutcomes.Status(outcome);
        WriteManifestOutput manifest = await WriteManifestAsync(run, status, error);
        run.Publish(Stages.Done, Stages.StartPercent(Stages.Done));
        run.LogFinished(status);
        decimal cost = Math.Max(manifest.TotalCostUsd, run.Ledger.TotalUsd);
        EpisodeEvents.RaiseFinished(run, outcome, title, cost, error);
        return new EpisodeResult(run.Id, outcome, title, run.Artifacts, run.Warnings, cost, audio?.DurationSeconds, manifest.Artifact);
    }

    static async Task<WriteManifestOutput> WriteManifestAsync(EpisodeRun run, string status, string? error)
    {
        run.Publish(Stages.Manifest, Stages.StartPercent(Stages.Manifest));
        WriteManifestOutput output = await run.Context.CallActivityAsync<WriteManifestOutput>(
            nameof(WriteManifestActivity),
            new WriteManifestInput(run.Id, run.Input.Request, status, error, run.Context.CurrentUtcDateTime, run.StageRecords, run.Ledger.Entries, run.Warnings, run.Input.Sources),
            StorageOptions);
        run.Produced(output.Artifact);
        return output;
    }

    sealed record GateResult(WriteScriptOutput Script, bool Passed, int Revision);
}
