using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Moq.Protected;
using Moq;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Revoicing;
using CoreTaskFailedException = Microsoft.DurableTask.TaskFailedException;

namespace PodcastFactory.Core.Tests.Workflow;

/// <summary>A strict mock orchestration context with scripted activity results, recording every call.</summary>
internal sealed class OrchestrationHarness
{
    public static readonly DateTime T0 = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    public Mock<TaskOrchestrationContext> Context { get; } = new(MockBehavior.Strict);
    public List<(string Name, object? Input, TaskOptions? Options)> Calls { get; } = [];
    public List<EpisodeProgress> Progress { get; } = [];

    /// <summary>What the orchestrators logged through their replay-safe logger, in order.</summary>
    public RecordingLogger Log { get; } = new();
    public Queue<bool> ReviewVerdicts { get; } = new();

    /// <summary>What the polish activity reports: skipped by default, as the offline writer does.</summary>
    public PolishOutcome Polish { get; set; } = PolishOutcome.Skipped;
    public HashSet<string> Failing { get; } = [];

    /// <summary>The failure message of a failing call, when not "{name} exploded" (e.g. a sub-orchestration's, wrapped by the framework).</summary>
    public Dictionary<string, string> FailureMessages { get; } = [];
    public decimal CostPerCall { get; set; }

    /// <summary>The characters the segment plan reports (the speech estimate's basis).</summary>
    public long PlannedCharacters { get; set; } = 1_000_000;

    /// <summary>What the cost journal holds beyond the calls this harness answered (attempts that failed or crashed).</summary>
    public decimal JournalOnlyUsd { get; set; }

    decimal _answeredUsd;
    public ApprovalDecision? Approval { get; set; }

    /// <summary>What the publish activity reports as its warning (a master that missed the target).</summary>
    public string? PublishWarning { get; set; }

    public OrchestrationHarness()
    {
        Context.SetupGet(c => c.CurrentUtcDateTime).Returns(T0);
        Context.SetupGet(c => c.InstanceId).Returns("ep-test");
        Context.SetupGet(c => c.IsReplaying).Returns(false);
        Context.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        Context.Setup(c => c.CreateReplaySafeLogger<EpisodeOrchestrator>()).Returns(Log);
        Context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(s => Progress.Add((EpisodeProgress)s!));
        Setup<ResearchAngleOutput>(nameof(ResearchAngleActivity), i =>
        {
            var input = (ResearchAngleInput)i!;
            return new(ArtifactPath($"research/angle-{input.AngleIndex + 1}.md"), ArtifactPath($"research/angle-{input.AngleIndex + 1}.json"), 5, Usage(AgentNames.Research));
        });
        Setup<MergeResearchOutput>(nameof(MergeResearchActivity), _ => new(ArtifactPath("research.md"), ArtifactPath("research.json"), 10, true));
        Setup<WriteScriptOutput>(nameof(WriteScriptActivity), i =>
        {
            var input = (WriteScriptInput)i!;
            return new(ArtifactPath("script.json"), ArtifactPath($"scripts/script-{input.Revision}.json"), "Title", 700, 20, Usage(AgentNames.ScriptWriter));
        });
        Setup<ReviewScriptOutput>(nameof(ReviewScriptActivity), i =>
        {
            var input = (ReviewScriptInput)i!;
            bool pass = ReviewVerdicts.Count == 0 || ReviewVerdicts.Dequeue();
            return new(ArtifactPath($"reviews/review-{input.Revision + 1}.json"), pass, pass ? 1 : 0.5, pass ? [] : ["add key points"], Usage(AgentNames.Evaluator));
        });
        Setup<PolishScriptOutput>(nameof(PolishScriptActivity), i =>
        {
            var input = (PolishScriptInput)i!;
            string revision = ArtifactPath($"scripts/script-{input.PassedRevision + 1}.json"), review = ArtifactPath($"reviews/review-{input.PassedRevision + 2}.json");
            return Polish switch
            {
                PolishOutcome.Skipped => new(Polish, "offline writer: no second pass", null, null, 700, 20, []),
                PolishOutcome.KeptDraft => new(Polish, "kept the passed draft: the polished script failed review (score 0.50; fact-check)", revision, review, 700, 20,
                    [Usage(AgentNames.ScriptWriter), Usage(AgentNames.Evaluator)]),
                _ => new(Polish, "polished: revision 1 passed review", revision, review, 760, 24, [Usage(AgentNames.ScriptWriter), Usage(AgentNames.Evaluator)]),
            };
        });
        Setup<WriteSocialPostOutput>(nameof(WriteSocialPostActivity), _ => new(ArtifactPath("social.md"), "x", 200, 280, Usage(AgentNames.SocialWriter)));
        Setup<PlanSegmentsOutput>(nameof(PlanSegmentsActivity), _ => new(ArtifactPath("audio/segments.json"), 3, PlannedCharacters, "wav"));
        Setup<FinalEvaluationOutput>(nameof(FinalEvaluationActivity), _ => new(ArtifactPath("quality.json"), true, []));
        Setup<PublishEpisodeOutput>(nameof(PublishEpisodeActivity), _ => new(false, [ArtifactPath("episode.mp3"), ArtifactPath("transcript.vtt"), ArtifactPath("chapters.json")], -16, -1.2, 60, 480_000, 4, 1, "feed.xml", PublishWarning));
        Setup<WriteManifestOutput>(nameof(WriteManifestActivity), _ => new(ArtifactPath("manifest.json"), 10, 0));
        Setup<ReadShowBibleOutput>(nameof(ReadShowBibleActivity), _ => new(ArtifactPath("series/earlier.json"), [1, 2]));
        Setup<RecordInBibleOutput>(nameof(RecordInBibleActivity), _ => new(ArtifactPath("series/entry.json"), 3, 12));
        Setup<RecordRevisionOutput>(nameof(RecordRevisionActivity), _ => new(ArtifactPath("manifest.json"), 0));
        Setup<EpisodeCostOutput>(nameof(EpisodeCostActivity), _ => new(_answeredUsd + JournalOnlyUsd, 0));
        Context.Setup(c => c.CallSubOrchestratorAsync<AudioOutput>(It.Is<TaskName>(n => n.Name == nameof(AudioOrchestrator)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((n, i, o) => Respond(n.Name, i, o, () => new AudioOutput(ArtifactPath("episode.wav"), 60, 3, 1000, [ArtifactPath("audio/segment-001.wav")], [Usage(AgentNames.AudioSynthesizer)])));
        Context.Setup(c => c.CreateTimer(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).Returns<TimeSpan, CancellationToken>((_, _) => Approval is null ? Task.CompletedTask : new TaskCompletionSource().Task);
        Context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns<DateTime, CancellationToken>((_, _) => Approval is null ? Task.CompletedTask : new TaskCompletionSource().Task);
        Context.Setup(c => c.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName, It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((_, token) => Approval is null ? NeverUnlessCancelled(token) : Task.FromResult(Approval));
    }

    // Like the real context: a pending event wait ends (cancelled) when the timeout cancels its token.
    static Task<ApprovalDecision> NeverUnlessCancelled(CancellationToken token)
    {
        var pending = new TaskCompletionSource<ApprovalDecision>();
        token.Register(() => pending.TrySetCanceled(token));
        return pending.Task;
    }

    public static EpisodeInput Input(EpisodeRequest? request = null, decimal? budget = null, CostEstimates? estimates = null) => new(
        "ep-test",
        (request ?? new EpisodeRequest { Topic = "Durable workflows" }) with { BudgetUsd = budget ?? request?.BudgetUsd },
        [new SourceRef("notes.md", "ep-test/sources/source-1.md")],
        new EpisodeSettings(4, 600, estimates ?? CostEstimates.Free));

    public Task<EpisodeResult> RunAsync(EpisodeInput input) => new EpisodeOrchestrator().RunAsync(Context.Object, input);

    public Task<RevoiceResult> RunRevoiceAsync(string? publishHeld) => RunRevoiceAsync(RevoiceInput(publishHeld));

    public Task<RevoiceResult> RunRevoiceAsync(RevoiceInput input) => new RevoiceOrchestrator().RunAsync(Context.Object, input);

    public static RevoiceInput RevoiceInput(string? publishHeld = null, decimal? budget = null, CostEstimates? estimates = null, IReadOnlyList<string>? models = null) => new(
        "ep-test", 1, "en", EpisodeRequest.DefaultHosts, new EpisodeSettings(4, 600, estimates ?? CostEstimates.Free), ["notes.md"], models ?? [],
        BudgetUsd: budget, PublishHeld: publishHeld);

    public int Count(string activity) => Calls.Count(c => c.Name == activity);

    AgentUsage Usage(string agent)
    {
        _answeredUsd += CostPerCall;
        return new(agent, "test", null, 10, 10, "tokens", 1, CostPerCall);
    }

    static string ArtifactPath(string name) => "ep-test/" + name;

    void Setup<T>(string name, Func<object?, T> respond) =>
        Context.Setup(c => c.CallActivityAsync<T>(It.Is<TaskName>(n => n.Name == name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((n, i, o) => Respond(n.Name, i, o, () => respond(i)));

    Task<T> Respond<T>(string name, object? input, TaskOptions? options, Func<T> result)
    {
        Calls.Add((name, input, options));
        if (Failing.Contains(name))
        {
            var failure = new TaskFailureDetails("System.InvalidOperationException", FailureMessages.GetValueOrDefault(name, $"{name} exploded"), null, null, null);
            return Task.FromException<T>(new CoreTaskFailedException(name, Calls.Count, failure));
        }

        return Task.FromResult(result());
    }
}

/// <summary>A logger that keeps each entry's event id and structured fields, for tests that check what a run logged.</summary>
internal sealed class RecordingLogger : ILogger
{
    public List<(int EventId, IReadOnlyDictionary<string, object?> Fields)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((eventId.Id, state is IEnumerable<KeyValuePair<string, object?>> fields ? fields.ToDictionary(f => f.Key, f => f.Value) : new Dictionary<string, object?>()));

    /// <summary>The stages named by entries with <paramref name="eventId"/>, in order.</summary>
    public List<string> Stages(int eventId) => Entries.Where(e => e.EventId == eventId).Select(e => (string)e.Fields["Stage"]!).ToList();
}
