using Microsoft.DurableTask;
using Moq;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Tests.Workflow.Revoicing;

public sealed class RecordRevisionActivityTests : IDisposable
{
    private const string Id = "ep-rev";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pf-rev-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FileSystemArtifactStore _store;

    public RecordRevisionActivityTests() => _store = new FileSystemArtifactStore(_root);

    private static AgentUsage Speech(decimal cost, bool cacheHit = false) =>
        new(AgentNames.AudioSynthesizer, cacheHit ? "cache" : "tts", null, cacheHit ? 0 : 100, 0, "characters", 1, cost, cacheHit);

    private async Task<RecordRevisionOutput> RecordAsync(int revision, decimal cost) =>
        await new RecordRevisionActivity(_store).RunAsync(Mock.Of<TaskActivityContext>(), new RecordRevisionInput(
            new RevoiceResult(Id, revision, 3, 1, 2, 100, cost, 60, true, []),
            RevoiceOrchestrator.Stage(revision),
            new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc),
            [Speech(cost), Speech(0, cacheHit: true), Speech(0, cacheHit: true)]));

    [Fact]
    public async Task RunAsync_RevisionRecordedTwice_CountsItOnceAndTotalsFirstProductionPlusRevisions()
    {
        List<LedgerEntry> first = [new("script", Speech(0.5m) with { Agent = AgentNames.ScriptWriter }), new("audio", Speech(0.3m))];
        var manifest = new EpisodeManifest(Id, "Topic", "completed", null, new EpisodeRequest { Topic = "Topic" }, DateTime.UtcNow, [],
            new ManifestCosts(0.8m, [], first), [], []);
        await _store.WriteJsonAsync(ArtifactNames.Manifest(Id), manifest, null, default);

        await RecordAsync(1, 0.01m);
        await RecordAsync(1, 0.01m);
        RecordRevisionOutput output = await RecordAsync(2, 0.02m);

        EpisodeManifest updated = await _store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(Id), default);
        Assert.Equal([1, 2], updated.Revisions!.Select(r => r.Revision));
        Assert.Equal(0.83m, updated.Costs.TotalUsd);
        Assert.Equal(0.83m, output.TotalCostUsd);
        Assert.Equal(3, updated.Costs.Calls.Count(c => c.Stage == "revoice-r1"));
        Assert.Equal(first, updated.Costs.Calls.Take(2));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
