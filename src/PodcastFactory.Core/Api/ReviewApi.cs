using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Review;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Api;

/// <summary>
/// <c>POST /api/episodes/{id}/approve</c> and <c>/reject</c>, shared by both hosts: a producer's decision on an episode
/// waiting for approval (raised as the approval event) or on a finished <c>needs-review</c> one (approve continues to
/// audio, reject ends it <c>rejected</c>; see <see cref="EpisodeDecisions"/>). 409 for any other episode.
/// </summary>
public sealed class ReviewApi(DurableTaskClient client, ScriptEditor editor, EpisodeDecisions decisions)
{
    /// <summary>Longest reviewer name, and longest comment or reason.</summary>
    public const int MaxReviewerLength = 100, MaxReasonLength = 2000;

    /// <summary>
    /// <c>POST /api/episodes/{id}/approve</c> with <c>{approved, reviewer, comment}</c>: 202 when the decision was raised to a
    /// waiting episode or (approved) a finished needs-review episode's audio started; 200 when a finished one was rejected.
    /// </summary>
    public async Task<IResult> ApproveAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (ApproveEpisodeRequest? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<ApproveEpisodeRequest>(request, cancellationToken);
        if (body?.Approved is not { } approved)
        {
            return ApiProblems.Validation(body is null ? errors : [new ValidationError("approved", "approved (true or false) is required.")]);
        }

        if (Check(body.Reviewer, body.Comment, "comment", required: false) is { } invalid)
        {
            return invalid;
        }

        return await DecideAsync(request, id, new ApprovalDecision(approved, body.Reviewer, body.Comment), cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/episodes/{id}/reject</c> with <c>{reason, reviewer}</c> (reason required): the waiting episode, or the
    /// finished needs-review one, ends <c>rejected</c> with the reason in its manifest; 409 for any other.
    /// </summary>
    public async Task<IResult> RejectAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (RejectEpisodeRequest? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<RejectEpisodeRequest>(request, cancellationToken);
        if (body is null)
        {
            return ApiProblems.Validation(errors);
        }

        return Check(body.Reviewer, body.Reason, "reason", required: true)
            ?? await DecideAsync(request, id, new ApprovalDecision(false, body.Reviewer, body.Reason), cancellationToken);
    }

    async Task<IResult> DecideAsync(HttpRequest request, string id, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? metadata = EpisodeIds.IsValid(id) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) : null;
        if (metadata is null && EpisodeIds.IsValid(id) && await editor.ManifestAsync(id, cancellationToken) is not null)
        {
            return await DecideStoredAsync(request, id, decision, cancellationToken);
        }

        if (metadata?.Name != nameof(EpisodeOrchestrator))
        {
            return ApiProblems.UnknownEpisode(id);
        }

        string statusUrl = EpisodeApi.BaseUrl(request) + ApiRoutes.EpisodePath(id);
        if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Running && EpisodeStatusReader.ReadProgress(metadata.SerializedCustomStatus)?.Stage == Stages.Approval)
        {
            await client.RaiseEventAsync(id, ApprovalDecision.EventName, decision, cancellationToken);
            return Results.Json(new StartEpisodeResponse(id, false, statusUrl), PodcastJson.Compact, statusCode: StatusCodes.Status202Accepted);
        }

        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed || await editor.FindAsync(id, cancellationToken) is not { } episode)
        {
            return ApiProblems.Conflict($"Episode '{id}' is {metadata.RuntimeStatus.ToString().ToLowerInvariant()} and not waiting for approval.");
        }

        DecisionOutcome outcome = decision.Approved
            ? await decisions.ApproveAsync(episode, decision.Reviewer, decision.Comment, cancellationToken)
            : await decisions.RejectAsync(id, decision.Reviewer, string.IsNullOrWhiteSpace(decision.Comment) ? "no reason given" : decision.Comment.Trim(), cancellationToken);
        if (outcome.Conflict is not null)
        {
            return ApiProblems.Conflict(outcome.Conflict);
        }

        request.HttpContext.Response.Headers.Location = statusUrl;
        return decision.Approved
            ? Results.Json(new DecisionResponse(id, "approved", outcome.Revoice?.Revision, statusUrl), PodcastJson.Compact, statusCode: StatusCodes.Status202Accepted)
            : Results.Json(new DecisionResponse(id, EpisodeOutcomes.Status(EpisodeOutcome.Rejected), null, statusUrl), PodcastJson.Compact);
    }

    // An episode only the store knows (another runner produced it): rejecting needs only its manifest; approving would
    // produce audio, which needs the episode's orchestration, so it is refused with where to do it.
    async Task<IResult> DecideStoredAsync(HttpRequest request, string id, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Approved)
        {
            return ApiProblems.Conflict($"Episode '{id}' was produced by another runner (only its manifest is in this store): approve it where it runs, e.g. podcast serve on the same --store and task hub.");
        }

        DecisionOutcome outcome = await decisions.RejectAsync(id, decision.Reviewer, string.IsNullOrWhiteSpace(decision.Comment) ? "no reason given" : decision.Comment.Trim(), cancellationToken);
        string statusUrl = EpisodeApi.BaseUrl(request) + ApiRoutes.EpisodePath(id);
        return outcome.Conflict is not null
            ? ApiProblems.Conflict(outcome.Conflict)
            : Results.Json(new DecisionResponse(id, EpisodeOutcomes.Status(EpisodeOutcome.Rejected), null, statusUrl), PodcastJson.Compact);
    }

    static IResult? Check(string? reviewer, string? reason, string reasonField, bool required)
    {
        var errors = new List<ValidationError>();
        if (reviewer is not null && (reviewer.Length > MaxReviewerLength || !TextRules.IsSingleLine(reviewer)))
        {
            errors.Add(new("reviewer", $"reviewer is at most {MaxReviewerLength} characters on one line."));
        }

        if (required && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new(reasonField, $"{reasonField} is required: say why the episode is rejected (it is recorded in the manifest)."));
        }
        else if (reason is not null && (reason.Length > MaxReasonLength || !TextRules.IsText(reason)))
        {
            errors.Add(new(reasonField, $"{reasonField} is at most {MaxReasonLength} characters of text."));
        }

        return errors.Count > 0 ? ApiProblems.Validation(errors) : null;
    }
}

/// <summary>Body of <c>POST /api/episodes/{id}/reject</c>.</summary>
/// <param name="Reason">Required: why (recorded in the manifest and shown in the status).</param>
/// <param name="Reviewer">Who decided.</param>
public sealed record RejectEpisodeRequest(string? Reason, string? Reviewer = null);

/// <summary>Body of a decision on a finished needs-review episode (202 approved, 200 rejected; also the Location header's status).</summary>
/// <param name="EpisodeId">The episode.</param>
/// <param name="Decision">approved or rejected.</param>
/// <param name="Revision">On approval: the edit revision whose audio is being produced.</param>
/// <param name="StatusUrl">Absolute URL of the episode's status.</param>
public sealed record DecisionResponse(string EpisodeId, string Decision, int? Revision, string StatusUrl);
