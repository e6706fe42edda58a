using Microsoft.Extensions.Logging;

namespace PodcastFactory.Core.Diagnostics;

/// <summary>
/// Every log message of Core, with stable event ids by area: 1xxx episode and stages (replay-safe loggers in the
/// orchestrators), 2xxx paid calls inside activities, 3xxx starting episodes and the HTTP API, 4xxx providers,
/// 5xxx the scheduler, 6xxx publishing. Topics and ids are logged; prompts, source texts and secrets never are.
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Episode {EpisodeId} started: {Priority}, {Depth} research, {Minutes} min, {SourceCount} source(s)")]
    public static partial void EpisodeStarted(ILogger logger, string episodeId, string priority, string depth, int minutes, int sourceCount);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Episode {EpisodeId}: stage {Stage} started")]
    public static partial void StageStarted(ILogger logger, string episodeId, string stage);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Episode {EpisodeId}: stage {Stage} completed in {DurationMs} ms: {Detail}")]
    public static partial void StageCompleted(ILogger logger, string episodeId, string stage, double durationMs, string detail);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Episode {EpisodeId}: stage {Stage} failed after {DurationMs} ms: {Reason}")]
    public static partial void StageFailed(ILogger logger, string episodeId, string stage, double durationMs, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Episode {EpisodeId}: stage {Stage} skipped: {Reason}")]
    public static partial void StageSkipped(ILogger logger, string episodeId, string stage, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Episode {EpisodeId}: budget stop before {Stage}: {Reason}")]
    public static partial void BudgetStop(ILogger logger, string episodeId, string stage, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Episode {EpisodeId} finished {Outcome}: cost ${CostUsd}, {WarningCount} warning(s)")]
    public static partial void EpisodeFinished(ILogger logger, string episodeId, string outcome, decimal costUsd, int warningCount);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Episode {EpisodeId} failed in stage {Stage}: {Reason} (cost ${CostUsd})")]
    public static partial void EpisodeFailed(ILogger logger, string episodeId, string stage, string reason, decimal costUsd);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Episode {EpisodeId}: segment {Index} throttled by {Provider}; trying again after a {WaitSeconds} s durable timer")]
    public static partial void SegmentThrottled(ILogger logger, string episodeId, int index, string provider, double waitSeconds);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Episode {EpisodeId}: {Agent} output {Artifact} already exists for this input; the paid call is skipped")]
    public static partial void CacheHit(ILogger logger, string episodeId, string agent, string artifact);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Episode {EpisodeId}: {Agent} call for {Artifact} by {Provider}: {Units} {UnitKind}, ${CostUsd}, {DurationMs} ms")]
    public static partial void PaidCall(ILogger logger, string episodeId, string agent, string artifact, string provider, long units, string unitKind, decimal costUsd, double durationMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Episode {EpisodeId}: {Agent} call for {Artifact} failed ({Disposition}): {Error}")]
    public static partial void PaidCallFailed(ILogger logger, string episodeId, string agent, string artifact, string disposition, string error);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Episode {EpisodeId} accepted (new: {Created}) with {SourceCount} captured source(s)")]
    public static partial void EpisodeAccepted(ILogger logger, string episodeId, bool created, int sourceCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Episode request refused: {ErrorCount} invalid field(s), first {Field}: {Message}")]
    public static partial void RequestRefused(ILogger logger, int errorCount, string field, string message);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "API {Method} {Path} answered {Status}: {Title}")]
    public static partial void ApiProblem(ILogger logger, string method, string path, int status, string title);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "API {Method} {Path} failed unexpectedly (trace id {TraceId}); answered 500")]
    public static partial void ApiUnexpectedError(ILogger logger, Exception exception, string method, string path, string traceId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "API list refused a continuation token the backend could not read: {Error}")]
    public static partial void ContinuationTokenRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Episode {EpisodeId}: script edit revision {Revision} saved ({TurnCount} turns)")]
    public static partial void ScriptEdited(ILogger logger, string episodeId, int revision, int turnCount);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Episode {EpisodeId}: re-voice of revision {Revision} requested (started: {Created})")]
    public static partial void RevoiceRequested(ILogger logger, string episodeId, int revision, bool created);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "API {Method} {Path} refused a cross-site request ({Status}): {Reason}")]
    public static partial void CrossSiteRefused(ILogger logger, string method, string path, int status, string reason);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Episode {EpisodeId}: needs-review decision recorded (approved: {Approved}) by {Reviewer}")]
    public static partial void EpisodeDecided(ILogger logger, string episodeId, bool approved, string reviewer);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "espeak-ng spoke {Characters} characters with voice {Voice} in {DurationMs} ms")]
    public static partial void EspeakSynthesized(ILogger logger, int characters, string voice, double durationMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "espeak-ng exited with code {ExitCode} for voice {Voice}: {Errors}")]
    public static partial void EspeakFailed(ILogger logger, int exitCode, string voice, string errors);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "flite spoke {Characters} characters with voice {Voice} in {DurationMs} ms")]
    public static partial void FliteSynthesized(ILogger logger, int characters, string voice, double durationMs);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "flite failed for voice {Voice}: {Errors}")]
    public static partial void FliteFailed(ILogger logger, string voice, string errors);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "flite is not installed, so voice {Voice} falls back to espeak-ng {Fallback}, which is much harder to understand. Install flite ('apt-get install flite' on Debian/Ubuntu, 'brew install flite' on macOS) or set Speech:Flite:ExecutablePath")]
    public static partial void FliteMissing(ILogger logger, string voice, string fallback);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "{Provider} failed with {Reason} on attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void ProviderRetry(ILogger logger, string provider, string reason, int attempt, double delayMs);

    [LoggerMessage(EventId = 7071, Level = LogLevel.Warning, Message = "{Provider}: the circuit opened after repeated failures; calls are refused for {BreakSeconds} s without being sent")]
    public static partial void ProviderCircuitOpened(ILogger logger, string provider, double breakSeconds);

    [LoggerMessage(EventId = 7072, Level = LogLevel.Warning, Message = "Shared rate limit {Limiter}: the quota entity did not grant a share in time; the share of {Share:0.#} requests/min holds until its lease runs out, then nothing is sent until a renewal")]
    public static partial void QuotaLeaseLate(ILogger logger, string limiter, double share);

    [LoggerMessage(EventId = 7073, Level = LogLevel.Warning, Message = "Shared rate limit {Limiter}: a lease round failed")]
    public static partial void QuotaLeaseFailed(ILogger logger, Exception exception, string limiter);

    [LoggerMessage(EventId = 7074, Level = LogLevel.Information, Message = "Shared rate limits: the durable backend runs no entities; this process paces each deployment alone")]
    public static partial void QuotaUnshared(ILogger logger);

    [LoggerMessage(EventId = 4231, Level = LogLevel.Debug, Message = "Rate limit {Limiter}: waiting {DelayMs} ms for the next turn")]
    public static partial void RateLimitWait(ILogger logger, string limiter, double delayMs);

    [LoggerMessage(EventId = 4232, Level = LogLevel.Warning, Message = "Rate limit {Limiter}: 429 asking for {RetryAfterMs} ms; concurrency now {Concurrency:0.#}")]
    public static partial void RateLimitThrottled(ILogger logger, string limiter, double retryAfterMs, double concurrency);

    [LoggerMessage(EventId = 4233, Level = LogLevel.Warning, Message = "Rate limit {Limiter}: a {DelayMs} ms wait is longer than {MaxWaitMs} ms; the attempt fails so the workflow waits on a durable timer")]
    public static partial void RateLimitTooLong(ILogger logger, string limiter, double delayMs, double maxWaitMs);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Debug, Message = "Speech: {Characters} characters with voice {Voice} -> {Frames} MP3 frames in {DurationMs} ms")]
    public static partial void SpeechSynthesized(ILogger logger, int characters, string voice, long frames, double durationMs);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Warning, Message = "The model returned invalid {What} JSON (attempt {Attempt}): {Errors}")]
    public static partial void InvalidModelOutput(ILogger logger, string what, int attempt, string errors);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "No price for model {Model}: its calls are recorded at $0. Add Pricing:Models:{Model} to price them.")]
    public static partial void UnknownModelPrice(ILogger logger, string model);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Episode {EpisodeId}: web research for angle {Angle}: {Pages} page(s) captured, {Searches} search(es) paid, {Dropped} query/page(s) dropped")]
    public static partial void WebResearchDone(ILogger logger, string episodeId, int angle, int pages, int searches, int dropped);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Episode {EpisodeId}: web research dropped: {Problem}")]
    public static partial void WebResearchDropped(ILogger logger, string episodeId, string problem);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Episode {EpisodeId}: page {Url} was captured by another worker first; its capture is used")]
    public static partial void PageCapturedElsewhere(ILogger logger, string episodeId, string url);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "{Count} of {Total} source(s) not read within {Seconds} s (Fetch:SourcesDeadlineSeconds); the request is refused")]
    public static partial void SourcesTimedOut(ILogger logger, int count, int total, int seconds);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Schedule slot {Slot}: episode {EpisodeId} already exists; nothing to do")]
    public static partial void ScheduleAlreadyStarted(ILogger logger, DateTimeOffset slot, string episodeId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Schedule slot {Slot}: the backlog at {Location} has no pending topic; nothing to do")]
    public static partial void ScheduleEmptyBacklog(ILogger logger, DateTimeOffset slot, string location);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Schedule slot {Slot}: started episode {EpisodeId}")]
    public static partial void ScheduleStarted(ILogger logger, DateTimeOffset slot, string episodeId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Schedule slot {Slot}: the backlog changed while taking a topic (attempt {Attempt}); retrying")]
    public static partial void ScheduleConflict(ILogger logger, DateTimeOffset slot, int attempt);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Schedule slot {Slot}: episode {EpisodeId} was refused: {Error}")]
    public static partial void ScheduleRefused(ILogger logger, DateTimeOffset slot, string episodeId, string error);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Episode {EpisodeId}: mastered {Seconds:0.0} s from {InputLufs:0.0} to {Lufs:0.0} LUFS, true peak {TruePeak:0.0} dBTP, in {Passes} pass(es) with {Encoder}")]
    public static partial void Mastered(ILogger logger, string episodeId, double seconds, double inputLufs, double lufs, double truePeak, int passes, string encoder);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Episode {EpisodeId}: feed item #{Number} written to {Location} after {Attempts} conditional write(s)")]
    public static partial void FeedUpdated(ILogger logger, string episodeId, int number, string location, int attempts);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Episode {EpisodeId}: the feed has no owner e-mail (itunes:owner, podcast:locked owner); set Feed:OwnerEmail, which directories use to verify the show's owner")]
    public static partial void FeedOwnerEmailMissing(ILogger logger, string episodeId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Episode {EpisodeId}: {Warning}")]
    public static partial void MasterMissedTarget(ILogger logger, string episodeId, string warning);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Episode {EpisodeId}: already published with the same input ({Artifact}); not mastered again")]
    public static partial void PublishReused(ILogger logger, string episodeId, string artifact);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Episode {EpisodeId}: waiting for a publish slot ({Width} at a time)")]
    public static partial void PublishQueued(ILogger logger, string episodeId, int width);

    // 7001-7029: re-voices. Their stages log with the episode's ids (1002-1006, 1008): they run the pipeline's tail.
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Episode {EpisodeId}: re-voice of revision {Revision} started ({HostCount} host(s))")]
    public static partial void RevoiceStarted(ILogger logger, string episodeId, int revision, int hostCount);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Episode {EpisodeId}: re-voice of revision {Revision} finished: {Synthesized} of {Segments} segment(s) synthesized, {Reused} reused, cost ${CostUsd}, published: {Published}, {WarningCount} warning(s)")]
    public static partial void RevoiceFinished(ILogger logger, string episodeId, int revision, int synthesized, int segments, int reused, decimal costUsd, bool published, int warningCount);

    [LoggerMessage(EventId = 7031, Level = LogLevel.Error, Message = "API list of episodes failed in the backend ({Error}); answered 503")]
    public static partial void EpisodeListUnavailable(ILogger logger, Exception exception, string error);

    // 7151-7189: webhooks (issue 27).
    [LoggerMessage(EventId = 7151, Level = LogLevel.Information, Message = "Webhook {WebhookId} ({Type}) delivered to subscription {SubscriptionId} at attempt {Attempt}: HTTP {StatusCode}")]
    public static partial void WebhookDelivered(ILogger logger, string webhookId, string type, string subscriptionId, int attempt, int statusCode);

    [LoggerMessage(EventId = 7152, Level = LogLevel.Warning, Message = "Webhook {WebhookId} ({Type}) to subscription {SubscriptionId}, attempt {Attempt} failed: {Error}; next attempt at {NextTryAt:o}")]
    public static partial void WebhookAttemptFailed(ILogger logger, string webhookId, string type, string subscriptionId, int attempt, string error, DateTime nextTryAt);

    [LoggerMessage(EventId = 7153, Level = LogLevel.Error, Message = "Webhook {WebhookId} ({Type}) to subscription {SubscriptionId}: attempt {Attempt} was the last and failed ({Error}); the subscription is marked failing")]
    public static partial void WebhookGaveUp(ILogger logger, string webhookId, string type, string subscriptionId, int attempt, string error);

    [LoggerMessage(EventId = 7154, Level = LogLevel.Warning, Message = "Webhooks:SecretKey is not set: a key was generated into {Location} (_webhooks/.secret-key); whoever reads the store can read the signing secrets. Set Webhooks:SecretKey (a Key Vault reference in Azure)")]
    public static partial void WebhookKeyGenerated(ILogger logger, string location);

    [LoggerMessage(EventId = 7155, Level = LogLevel.Information, Message = "Webhook subscription {SubscriptionId} created for {EventCount} event type(s)")]
    public static partial void WebhookSubscribed(ILogger logger, string subscriptionId, int eventCount);

    [LoggerMessage(EventId = 7156, Level = LogLevel.Information, Message = "Webhook subscription {SubscriptionId} deleted")]
    public static partial void WebhookUnsubscribed(ILogger logger, string subscriptionId);

    [LoggerMessage(EventId = 7161, Level = LogLevel.Information, Message = "Quote {QuoteId}: expected {TotalUsd} USD, at most {HighUsd} USD")]
    public static partial void QuoteMade(ILogger logger, string quoteId, decimal totalUsd, decimal highUsd);

    // 7162-7188: quotes' retention and voice previews (issues 26 and 27).
    [LoggerMessage(EventId = 7162, Level = LogLevel.Information, Message = "Quotes: purged {Count} expired quote(s) from {Location}")]
    public static partial void QuotesPurged(ILogger logger, int count, string location);

    [LoggerMessage(EventId = 7163, Level = LogLevel.Warning, Message = "Quotes: the purge of expired quotes failed ({Error}); it is tried again at a later quote")]
    public static partial void QuotePurgeFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(EventId = 7164, Level = LogLevel.Information, Message = "Voice preview of {Voice} ({Characters} characters): {Source}, cost {CostUsd} USD")]
    private static partial void VoicePreviewed(ILogger logger, string voice, int characters, string source, decimal costUsd);

    /// <summary>Logs a preview served (cached: from the store, nothing paid).</summary>
    public static void VoicePreviewed(ILogger logger, string voice, int characters, bool cached, decimal costUsd) =>
        VoicePreviewed(logger, voice, characters, cached ? "served from the store" : "synthesized", costUsd);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Speech: {Provider} offers {VoiceCount} voice(s)")]
    public static partial void SpeechVoicesListed(ILogger logger, string provider, int voiceCount);

    [LoggerMessage(EventId = 7200, Level = LogLevel.Warning, Message = "Speech: flite speaks English only; voice {Voice} speaks {Language} as espeak-ng voice {EspeakVoice}")]
    public static partial void FliteLanguageSubstituted(ILogger logger, string voice, string language, string espeakVoice);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Start refused: language {Language} cannot be served ({Reason})")]
    public static partial void LanguageRefused(ILogger logger, string language, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Speech: offline voice {Voice} speaks as {Provider} voice {ProviderVoice} ({Language})")]
    public static partial void OfflineVoiceMapped(ILogger logger, string voice, string provider, string providerVoice, string language);

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Show {ShowId} created with {HostCount} host(s)")]
    public static partial void ShowCreated(ILogger logger, string showId, int hostCount);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Information, Message = "Show {ShowId} updated")]
    public static partial void ShowUpdated(ILogger logger, string showId);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Information, Message = "Show {ShowId} deleted (purged: {Purged})")]
    public static partial void ShowDeleted(ILogger logger, string showId, bool purged);

    // 7114-7120: show artwork uploads (issue 24 item 1).
    [LoggerMessage(EventId = 7114, Level = LogLevel.Information, Message = "Show {ShowId}: artwork uploaded ({ContentType}, {Width} x {Height} px, {Bytes} bytes)")]
    public static partial void ShowArtworkUploaded(ILogger logger, string showId, string contentType, int width, int height, int bytes);

    [LoggerMessage(EventId = 7115, Level = LogLevel.Information, Message = "Show {ShowId}: artwork refused ({Reason})")]
    public static partial void ShowArtworkRefused(ILogger logger, string showId, string reason);
    // 7210-7219: series memory (issue 24 item 4).
    [LoggerMessage(EventId = 7210, Level = LogLevel.Information, Message = "Episode {EpisodeId}: series memory of show {Show} read: {EpisodeCount} earlier episode(s), {ClaimCount} covered claim(s)")]
    public static partial void SeriesMemoryRead(ILogger logger, string episodeId, string show, int episodeCount, int claimCount);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Information, Message = "Episode {EpisodeId}: recorded in the bible of show {Show} as episode {Number} with {ClaimCount} claim(s)")]
    public static partial void SeriesEpisodeRecorded(ILogger logger, string episodeId, string show, int number, int claimCount);

    [LoggerMessage(EventId = 7212, Level = LogLevel.Information, Message = "Episode {EpisodeId}: already in the bible of show {Show} as episode {Number}; nothing appended")]
    public static partial void SeriesEpisodeAlreadyRecorded(ILogger logger, string episodeId, string show, int number);
}
