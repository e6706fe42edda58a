using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Tests.Fakes;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class StepJournalTests : IDisposable
{
    const string Attempt1 = "ep/ledger/ep/out.md/1.json";
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-journal-" + Guid.NewGuid().ToString("N")[..8]);
    readonly CountingArtifactStore _store;

    public StepJournalTests() => _store = new CountingArtifactStore(new FileSystemArtifactStore(_root));

    [Fact]
    public async Task StartAsync_TwoAttemptsOfOneStep_TakeNumbersOneAndTwo()
    {
        using StepJournal first = Open();
        await first.StartAsync();
        using StepJournal second = Open();
        await second.StartAsync();

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
        Assert.Equal([Attempt1], second.EarlierAttempts());
    }

    [Fact]
    public async Task RunAsync_FirstAttempt_ListsNoFolderAndWritesThreeTimes()
    {
        var step = new PaidStep(_store, NullLogger<PaidStep>.Instance);

        PaidStepResult<string> result = await step.RunAsync(Key(), () => Task.FromResult("unused"), async () =>
        {
            await CallAsync(cost: 0.01m, estimate: 0.02m);
            return new AgentResult<string>("ok", Usage(0.01m));
        }, _ => Task.CompletedTask);

        Assert.Equal(0.01m, result.Usage.CostUsd);
        Assert.Equal(0, _store.Lists);
        Assert.Equal(1, _store.Creates); // the start, under attempt number 1
        Assert.Equal(2, _store.Writes); // the intent, then the end carrying the answer
    }

    [Fact]
    public async Task ResolveAsync_AnswerWithinEstimate_IntentOnDiskUntilTheNextWrite()
    {
        using StepJournal journal = Open();
        await journal.StartAsync();
        int seq = await journal.BeginAsync(Info(0.02m));

        await journal.ResolveAsync(seq, PaidCallState.Answered, Usage(0.01m), 5, null);

        // A crash now leaves the call at its estimate, not below what was billed.
        JournalEntry onDisk = Assert.Single((await ReadAttempt1Async()).Calls);
        Assert.Equal(PaidCallState.Intent, onDisk.State);
        Assert.Equal(0.02m, onDisk.ChargeUsd);
        await journal.FinishAsync(AttemptOutcome.Succeeded);
        Assert.Equal(PaidCallState.Answered, Assert.Single((await ReadAttempt1Async()).Calls).State);
    }

    [Fact]
    public async Task ResolveAsync_AnswerAboveEstimate_WrittenAtOnce()
    {
        using StepJournal journal = Open();
        await journal.StartAsync();
        int seq = await journal.BeginAsync(Info(0.01m));

        await journal.ResolveAsync(seq, PaidCallState.Answered, Usage(0.05m), 5, null);

        JournalEntry onDisk = Assert.Single((await ReadAttempt1Async()).Calls);
        Assert.Equal(PaidCallState.Answered, onDisk.State);
        Assert.Equal(0.05m, onDisk.ChargeUsd);
    }

    [Fact]
    public async Task ResolveAsync_Refused_WrittenAtOnceAsNotBilled()
    {
        using StepJournal journal = Open();
        await journal.StartAsync();
        int seq = await journal.BeginAsync(Info(0.01m));

        await journal.ResolveAsync(seq, PaidCallState.NotBilled, null, 5, "429 after every retry");

        Assert.Equal(0m, Assert.Single((await ReadAttempt1Async()).Calls).ChargeUsd);
    }

    [Fact]
    public async Task RunAsync_SecondAttempt_CountsTheFirstReadByName()
    {
        using (StepJournal dying = Open())
        {
            await dying.StartAsync();
            await dying.BeginAsync(Info(0.04m));
        }

        var step = new PaidStep(_store, NullLogger<PaidStep>.Instance);
        PaidStepResult<string> retry = await step.RunAsync(Key(), () => Task.FromResult("unused"), async () =>
        {
            await CallAsync(cost: 0.01m, estimate: 0.02m);
            return new AgentResult<string>("ok", Usage(0.01m));
        }, _ => Task.CompletedTask);

        Assert.Equal(0.04m, retry.Usage.PossiblyBilledUsd);
        Assert.Equal(0.01m, retry.Usage.CostUsd);
        Assert.Equal(0, _store.Lists);
    }

    [Fact]
    public async Task ProviderRetryWait_ProcessDiesWhileWaitingAfter429_CallIsNotPossiblyBilled()
    {
        int sends = 0;
        var provider = new Responder(async () =>
        {
            if (Interlocked.Increment(ref sends) == 1)
            {
                var refused = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
                refused.Headers.Add("retry-after-ms", "300");
                return refused;
            }

            await Task.CompletedTask;
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        });
        // The provider clients' real resilience pipeline, over a handler that answers like the provider.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLimitedHttpClient("test", "test", 3, 5, "test|d", new RateLimitSettings(6000, null, TimeSpan.FromSeconds(5)));
        services.AddHttpClient("test").ConfigurePrimaryHttpMessageHandler(() => provider);
        using ServiceProvider provided = services.BuildServiceProvider();
        HttpClient client = provided.GetRequiredService<IHttpClientFactory>().CreateClient("test");
        using StepJournal journal = Open();
        await journal.StartAsync();

        Task call = PaidCalls.CallAsync(Info(0.02m), () => client.GetAsync(new Uri("http://localhost/")), (_, _) => Usage(0.01m));
        JournalEntry duringWait = await PollAsync(e => e.State == PaidCallState.Waiting);
        await call;

        // Killed during the wait, this is what the journal would say: refused, nothing in flight, nothing to bill.
        Assert.False(duringWait.PossiblyBilled);
        Assert.Equal(0m, duringWait.ChargeUsd);
        Assert.Contains("429", duringWait.Detail, StringComparison.Ordinal);
        Assert.Equal(2, sends);
    }

    async Task<JournalEntry> PollAsync(Func<JournalEntry, bool> seen)
    {
        for (int i = 0; i < 200; i++)
        {
            try
            {
                if ((await ReadAttempt1Async()).Calls.FirstOrDefault(seen) is { } entry)
                {
                    return entry;
                }
            }
            catch (InvalidDataException)
            {
                // Being replaced: read again.
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("The journal never showed the expected state.");
    }

    sealed class Responder(Func<Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond();
    }

    StepJournal Open() => new(_store, "ep", "ep", "ep/out.md");

    static PaidStepKey Key() => new("ep", "ep", AgentNames.Research, "tokens", "ep/out.md", "hash-1");

    static PaidCallInfo Info(decimal estimate) => new(AgentNames.Research, "azure-openai", "gpt-4o-mini", "tokens", estimate);

    static AgentUsage Usage(decimal cost) => new(AgentNames.Research, "azure-openai", "gpt-4o-mini", 10, 5, "tokens", 1, cost);

    static Task<string> CallAsync(decimal cost, decimal estimate) =>
        PaidCalls.CallAsync(Info(estimate), () => Task.FromResult("answer"), (_, _) => Usage(cost));

    Task<JournalAttempt> ReadAttempt1Async() => _store.ReadJsonAsync<JournalAttempt>(Attempt1, CancellationToken.None);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
