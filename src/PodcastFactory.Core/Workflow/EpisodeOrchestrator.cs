using System.Globalization;
using Microsoft.DurableTask;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Core.Workflow.RetryPolicies;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// One episode, top to bottom: plan, research (fan-out per angle), script, quality gate with bounded revisions,
/// optional approval, social post in parallel with audio, final evaluation, manifest. Activities exchange artifact
/// names, never content. Research, script and review are critical; social and audio fail soft.
/// </summary>
public sealed class EpisodeOrchestrator : TaskOrchestrator<EpisodeInput, EpisodeResult>
{
    /// <inheritdoc />
    public override async Task<EpisodeResult> RunAsync(TaskOrchestrationContext context, EpisodeInput input)
    {
        var run = new EpisodeRun(context, input);
        EpisodeRequest request = input.Request;
        EpisodePlan plan = EpisodePlanner.Plan(request);
        var brief = new ScriptBrief(request.Topic, request.Hosts, request.TargetMinutes, request.Language, input.Settings.SegmentMaxCharacters);
        try
        {
            MergeResearchOutput research = await ResearchAsync(context, run, plan);
            GateResult gate = await QualityGateAsync(context, run, brief, research, plan.MaxRevisions);
            if (!await ProceedAfterGateAsync(context, run, gate))
            {
                run.Skip(Stages.Social, "script did not pass review", warn: false);
                run.Skip(Stages.Audio, "script did not pass review: no money spent on speech", warn: false);
                return await FinishAsync(context, run, EpisodeOutcome.NeedsReview, gate.Script.Title, audio: null);
            }

            Task<WriteSocialPostOutput?> social = SocialAsync(context, run, plan, gate.Script, research);
            Task<AudioOutput?> audio = AudioAsync(context, run, plan, gate.Script, socialEstimate: plan.RunSocial ? input.Settings.Estimates.SocialCallUsd : 0);
            await Task.WhenAll(social, audio);
            await FinalEvaluationAsync(context, run, plan, gate.Script, await social, await audio);
            return await FinishAsync(context, run, EpisodeOutcome.Completed, gate.Script.Title, await audio);
        }
        catch (EpisodeStageFailedException failure)
        {
            // The manifest records what was produced before the failure, so nothing is lost silently.
            await WriteManifestAsync(context, run, status: "failed", failure.Message);
            throw;
        }
    }

    static async Task<MergeResearchOutput> ResearchAsync(TaskOrchestrationContext context, EpisodeRun run, EpisodePlan plan)
    {
        StageClock stage = run.Begin(Stages.Research, 5);
        StageGuards.EnsureBudget(run, stage, plan.Angles.Count * run.Input.Settings.Estimates.ResearchCallUsd);
        ResearchAngleOutput[] angles = await StageGuards.Critical(run, stage, () => Task.WhenAll(plan.Angles.Select((angle, i) =>
            context.CallActivityAsync<ResearchAngleOutput>(
                nameof(ResearchAngleActivity),
                new ResearchAngleInput(run.Input.EpisodeId, run.Input.Request.Topic, angle, i, run.Input.Request.Language, run.Input.Sources),
                LlmOptions))));
        foreach (ResearchAngleOutput angle in angles)
        {
            run.Spent(stage.Name, angle.Usage);
            run.Produced(angle.Artifact, angle.JsonArtifact);
        }

        MergeResearchOutput merged = await StageGuards.Critical(run, stage, () => context.CallActivityAsync<MergeResearchOutput>(
            nameof(MergeResearchActivity),
            new MergeResearchInput(run.Input.EpisodeId, run.Input.Request.Topic, angles.Select(a => a.JsonArtifact).ToList()),
            StorageOptions));
        run.Produced(merged.Artifact, merged.JsonArtifact);
        if (!merged.HasSources)
        {
            run.Warn("research: no sources were supplied; the episode states no facts and is short.");
        }

        run.Complete(stage, Invariant($"{angles.Length} angles, {merged.NoteCount} notes"));
        return merged;
    }

    // Evaluator-optimizer loop: review, and on failure revise, at most maxRevisions times.
    static async Task<GateResult> QualityGateAsync(TaskOrchestrationContext context, EpisodeRun run, ScriptBrief brief, MergeResearchOutput research, int maxRevisions)
    {
        string id = run.Input.EpisodeId;
        StageClock scriptStage = run.Begin(Stages.Script, 35);
        WriteScriptOutput script = await WriteScriptAsync(context, run, scriptStage, brief, research, revision: 0);
        run.Complete(scriptStage, Invariant($"{script.WordCount} words, {script.TurnCount} turns"));

        StageClock stage = run.Begin(Stages.Review, 45);
        for (int revision = 0; ; revision++)
        {
            StageGuards.EnsureBudget(run, stage, run.Input.Settings.Estimates.ReviewCallUsd);
            ReviewScriptOutput review = await StageGuards.Critical(run, stage, () => context.CallActivityAsync<ReviewScriptOutput>(
                nameof(ReviewScriptActivity),
                new ReviewScriptInput(id, brief, research.JsonArtifact, script.RevisionArtifact, revision),
                LlmOptions));
            run.Spent(stage.Name, review.Usage);
            run.Produced(review.Artifact);
            if (review.Passed || revision == maxRevisions)
            {
                run.Complete(stage, Invariant($"{(review.Passed ? "passed" : "failed")} at revision {revision} (score {review.Score:0.00})"));
                return new GateResult(script, review.Passed, review);
            }

            run.Publish(Stages.Review, 45 + (15 * (revision + 1) / (maxRevisions + 1)));
            script = await WriteScriptAsync(context, run, stage, brief, research, revision + 1);
        }
    }

    static async Task<WriteScriptOutput> WriteScriptAsync(TaskOrchestrationContext context, EpisodeRun run, StageClock stage, ScriptBrief brief, MergeResearchOutput research, int revision)
    {
        StageGuards.EnsureBudget(run, stage, run.Input.Settings.Estimates.ScriptCallUsd);
        WriteScriptOutput script = await StageGuards.Critical(run, stage, () => context.CallActivityAsync<WriteScriptOutput>(
            nameof(WriteScriptActivity),
            new WriteScriptInput(run.Input.EpisodeId, brief, research.JsonArtifact, revision),
            LlmOptions));
        run.Spent(stage.Name, script.Usage);
        run.Produced(script.Artifact, ArtifactNames.ScriptMarkdown(run.Input.EpisodeId), script.RevisionArtifact);
        return script;
    }

    // A failed gate spends nothing on speech unless the request says to continue; with approval configured a person decides.
    static async Task<bool> ProceedAfterGateAsync(TaskOrchestrationContext context, EpisodeRun run, GateResult gate)
    {
        EpisodeRequest request = run.Input.Request;
        if (request.RequireApproval)
        {
            StageClock stage = run.Begin(Stages.Approval, 62);
            try
            {
                ApprovalDecision decision = await context.WaitForExternalEvent<ApprovalDecision>(
                    ApprovalDecision.EventName, TimeSpan.FromHours(request.ApprovalTimeoutHours));
                run.Complete(stage, Invariant($"{(decision.Approved ? "approved" : "rejected")} by {decision.Reviewer ?? "unknown"}: {decision.Comment}"));
                return decision.Approved;
            }
            catch (TaskCanceledException)
            {
                run.Fail(stage, Invariant($"no decision within {request.ApprovalTimeoutHours} h"), warn: true);
                return false;
            }
        }

        if (!gate.Passed && request.ContinueOnFailedReview)
        {
            run.Warn("review: the script failed its last review; continuing as the request asked.");
            return true;
        }

        return gate.Passed;
    }

    static async Task<WriteSocialPostOutput?> SocialAsync(TaskOrchestrationContext context, EpisodeRun run, EpisodePlan plan, WriteScriptOutput script, MergeResearchOutput research)
    {
        if (!plan.RunSocial)
        {
            run.Skip(Stages.Social, "not requested (priority audio)", warn: false);
            return null;
        }

        if (run.OverBudget(run.Input.Settings.Estimates.SocialCallUsd))
        {
            run.Skip(Stages.Social, StageGuards.BudgetMessage(run, run.Input.Settings.Estimates.SocialCallUsd), warn: true);
            return null;
        }

        StageClock stage = run.Begin(Stages.Social, 65);
        try
        {
            WriteSocialPostOutput post = await context.CallActivityAsync<WriteSocialPostOutput>(
                nameof(WriteSocialPostActivity),
                new WriteSocialPostInput(run.Input.EpisodeId, run.Input.Request.Topic, script.Artifact, research.JsonArtifact),
                LlmOptions);
            run.Spent(stage.Name, post.Usage);
            run.Produced(post.Artifact);
            run.Complete(stage, Invariant($"{post.Length}/{post.MaxLength} characters for {post.Platform}"));
            return post;
        }
        catch (TaskFailedException ex)
        {
            run.Fail(stage, ex.FailureDetails.ErrorMessage, warn: true);
            return null;
        }
    }

    static async Task<AudioOutput?> AudioAsync(TaskOrchestrationContext context, EpisodeRun run, EpisodePlan plan, WriteScriptOutput script, decimal socialEstimate)
    {
        if (!plan.RunAudio)
        {
            run.Skip(Stages.Audio, "not requested (priority social)", warn: false);
            return null;
        }

        StageClock stage = run.Begin(Stages.Audio, 66);
        try
        {
            EpisodeRequest request = run.Input.Request;
            PlanSegmentsOutput segments = await context.CallActivityAsync<PlanSegmentsOutput>(
                nameof(PlanSegmentsActivity),
                new PlanSegmentsInput(run.Input.EpisodeId, script.Artifact, request.Hosts, run.Input.Settings.SegmentMaxCharacters),
                StorageOptions);
            decimal estimate = socialEstimate + run.Input.Settings.Estimates.Speech(segments.TotalCharacters);
            if (run.OverBudget(estimate))
            {
                run.Fail(stage, StageGuards.BudgetMessage(run, estimate), warn: true);
                return null;
            }

            AudioOutput audio = await context.CallSubOrchestratorAsync<AudioOutput>(
                nameof(AudioOrchestrator),
                new AudioInput(run.Input.EpisodeId, segments.PlanArtifact, segments.SegmentCount, segments.Extension, request.Language, run.Input.Settings.MaxParallelSegments),
                new SubOrchestrationOptions { InstanceId = run.Input.EpisodeId + "-audio" });
            foreach (AgentUsage usage in audio.Usages)
            {
                run.Spent(stage.Name, usage);
            }

            run.Produced(segments.PlanArtifact);
            run.Produced([.. audio.SegmentArtifacts]);
            run.Produced(audio.Artifact);
            run.Complete(stage, Invariant($"{audio.SegmentCount} segments, {audio.DurationSeconds:0.0} s"));
            return audio;
        }
        catch (TaskFailedException ex)
        {
            run.Fail(stage, ex.FailureDetails.ErrorMessage, warn: true);
            return null;
        }
    }

    static async Task FinalEvaluationAsync(TaskOrchestrationContext context, EpisodeRun run, EpisodePlan plan, WriteScriptOutput script, WriteSocialPostOutput? social, AudioOutput? audio)
    {
        StageClock stage = run.Begin(Stages.Quality, 92);
        FinalEvaluationOutput quality = await context.CallActivityAsync<FinalEvaluationOutput>(
            nameof(FinalEvaluationActivity),
            new FinalEvaluationInput(run.Input.EpisodeId, script.Artifact, script.WordCount, plan.RunAudio, audio?.Artifact, plan.RunSocial, social?.Artifact),
            StorageOptions);
        run.Produced(quality.Artifact);
        foreach (string finding in quality.Findings)
        {
            run.Warn("quality: " + finding);
        }

        run.Complete(stage, quality.Passed ? "all promised artifacts present and plausible" : Invariant($"{quality.Findings.Count} finding(s)"));
    }

    static async Task<EpisodeResult> FinishAsync(TaskOrchestrationContext context, EpisodeRun run, EpisodeOutcome outcome, string title, AudioOutput? audio)
    {
        string manifest = await WriteManifestAsync(context, run, outcome == EpisodeOutcome.Completed ? "completed" : "needs-review", error: null);
        run.Publish(Stages.Done, 100);
        return new EpisodeResult(run.Input.EpisodeId, outcome, title, run.Artifacts, run.Warnings, run.Ledger.TotalUsd, audio?.DurationSeconds, manifest);
    }

    static async Task<string> WriteManifestAsync(TaskOrchestrationContext context, EpisodeRun run, string status, string? error)
    {
        run.Publish(Stages.Manifest, 96);
        WriteManifestOutput output = await context.CallActivityAsync<WriteManifestOutput>(
            nameof(WriteManifestActivity),
            new WriteManifestInput(run.Input.EpisodeId, run.Input.Request, status, error, context.CurrentUtcDateTime, run.StageRecords, run.Ledger.Entries, run.Warnings),
            StorageOptions);
        run.Produced(output.Artifact);
        return output.Artifact;
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    sealed record GateResult(WriteScriptOutput Script, bool Passed, ReviewScriptOutput LastReview);
}
