using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class PaidStepTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-paidstep-" + Guid.NewGuid().ToString("N")[..8]);
    readonly FileSystemArtifactStore _store;
    readonly PaidStep _step;
    int _calls;

    public PaidStepTests()
    {
        _store = new FileSystemArtifactStore(_root);
        _step = new PaidStep(_store, NullLogger<PaidStep>.Instance);
    }

    [Fact]
    public async Task RunAsync_SameInputHashTwice_PaysOnceAndRecordsACacheHit()
    {
        AgentResult<string> first = await RunAsync("hash-1");
        AgentResult<string> second = await RunAsync("hash-1");

        Assert.Equal(1, _calls);
        Assert.False(first.Usage.CacheHit);
        Assert.Equal(0.5m, first.Usage.CostUsd);
        Assert.True(second.Usage.CacheHit);
        Assert.Equal(0m, second.Usage.CostUsd);
        Assert.Equal("answer 1", second.Value);
    }

    [Fact]
    public async Task RunAsync_InputHashChanged_PaysAgain()
    {
        await RunAsync("hash-1");
        AgentResult<string> changed = await RunAsync("hash-2");

        Assert.Equal(2, _calls);
        Assert.False(changed.Usage.CacheHit);
        Assert.Equal("answer 2", await _store.ReadTextAsync("ep/out.md", CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_PayThrows_SavesNothing()
    {
        var key = new PaidStepKey("ep", AgentNames.Research, "words", "ep/out.md", "hash-1");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _step.RunAsync<string>(
            key, () => Task.FromResult("unused"), () => throw new InvalidOperationException("provider down"), _ => Task.CompletedTask));

        Assert.Null(await _store.GetInfoAsync("ep/out.md", CancellationToken.None));
    }

    Task<AgentResult<string>> RunAsync(string hash) => _step.RunAsync(
        new PaidStepKey("ep", AgentNames.Research, "words", "ep/out.md", hash),
        reuse: () => _store.ReadTextAsync("ep/out.md", CancellationToken.None),
        pay: () =>
        {
            _calls++;
            return Task.FromResult(new AgentResult<string>($"answer {_calls}", new AgentUsage(AgentNames.Research, "test", null, 10, 5, "tokens", 1, 0.5m)));
        },
        save: value => _store.WriteTextAsync("ep/out.md", value, hash, CancellationToken.None));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
