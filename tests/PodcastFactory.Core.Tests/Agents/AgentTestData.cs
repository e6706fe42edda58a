using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents;

/// <summary>Shared inputs for the offline agent tests.</summary>
internal static class AgentTestData
{
    public const string Topic = "durable workflows";
    public const string FixtureName = "durable-workflows.md";

    public static SourceDocument Fixture() =>
        new(FixtureName, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", FixtureName)));

    public static ScriptBrief Brief(int minutes = 3, int maxTurnCharacters = 4000) =>
        new(Topic, EpisodeRequest.DefaultHosts, minutes, "en", maxTurnCharacters);

    public static ResearchBrief ResearchBrief(string angle = "how it works", int angleIndex = 1, int maxNotes = 12) =>
        new(Topic, angle, angleIndex, maxNotes, "en");

    /// <summary>Merged research over the fixture, as the workflow would hand it to the script writer.</summary>
    public static async Task<ResearchNotes> MergedResearchAsync(int maxNotes = 30)
    {
        var agent = new OfflineResearchAgent();
        var result = await agent.ResearchAsync(ResearchBrief("key points", 0, maxNotes), [Fixture()], CancellationToken.None);
        return result.Value with { Angle = "merged" };
    }

    /// <summary>Small hand-written research with <paramref name="count"/> distinct notes.</summary>
    public static ResearchNotes SmallResearch(int count)
    {
        string[] texts =
        [
            "Durable workflows record every completed step in an append-only history stored outside the process.",
            "After a crash the engine replays the orchestrator code and returns recorded results instead of running activities again.",
            "Activities should be idempotent because the step that was running during a crash may execute a second time.",
            "Retry policies with exponential backoff spread repeated attempts so a struggling dependency is not flooded.",
            "Large payloads belong in blob storage while the workflow passes only short references between steps.",
            "Orchestrator code must stay deterministic, so it reads time and random values from replay-safe helpers.",
            "Durable timers let a workflow wait for days without keeping a thread or a machine busy.",
        ];
        var notes = texts.Take(count).Select((t, i) => new ResearchNote(t, "notes.md", $"sentence {i + 1}", 1.0 - (i * 0.1))).ToList();
        return new ResearchNotes(Topic, "merged", "test notes", notes, HasSources: true);
    }

    public static ResearchNotes NoResearch() => new(Topic, "merged", "No sources were supplied.", [], HasSources: false);

    public static ScriptReview FailedReview(int revision, params string[] failedChecks) =>
        new(revision, false, 0.5, failedChecks.Select(n => new ReviewCheck(n, false, "test")).ToList(), ["test suggestion"]);

    public static int Words(Script script, string speaker) =>
        script.Turns.Where(t => t.Speaker == speaker).Sum(t => TextStats.CountWords(t.Text));
}
