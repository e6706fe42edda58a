using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>
/// An offline episode's script as the workflow makes it, on the README's sample source: research per angle (standard
/// depth), the merge with passages, the draft, and the quality gate's revisions (at most two).
/// </summary>
internal static class FormatEpisode
{
    public const string Topic = "How durable workflows recover from crashes";

    static readonly string[] _names = ["Alex", "Sam", "Jordan", "Casey"];
    static readonly string[] _voices = ["flite:rms", "flite:slt", "flite:awb", "flite:kal16"];
    static ResearchNotes? _research;

    public static IReadOnlyList<HostVoice> Cast(int hosts) =>
        Enumerable.Range(0, hosts).Select(i => new HostVoice(_names[i], _voices[i])).ToList();

    public static ScriptBrief Brief(string format, int hosts, int? minutes = null) =>
        new(Topic, Cast(hosts), minutes ?? EpisodeFormats.Of(format).DefaultMinutes, "en", 600, format);

    public static async Task<ResearchNotes> ResearchAsync()
    {
        if (_research is not null)
        {
            return _research;
        }

        SourceDocument source = AgentTestData.Fixture();
        var agent = new OfflineResearchAgent();
        var angles = new List<ResearchNotes>();
        for (int i = 0; i < 3; i++)
        {
            angles.Add((await agent.ResearchAsync(new(Topic, EpisodePlanner.AllAngles[i], i, 12, "en"), [source], CancellationToken.None)).Value);
        }

        return _research = NotePassages.Attach(MergeResearchActivity.Merge(Topic, angles), [source]);
    }

    /// <summary>The script after the gate, and its last review.</summary>
    public static async Task<(Script Script, ScriptReview Review)> ProduceAsync(ScriptBrief brief)
    {
        ResearchNotes research = await ResearchAsync();
        var writer = new OfflineScriptAgent();
        var evaluator = new OfflineEvaluatorAgent();
        Script script = (await writer.WriteAsync(brief, research, CancellationToken.None)).Value;
        ScriptReview review = (await evaluator.EvaluateAsync(brief, script, research, CancellationToken.None)).Value;
        for (int revision = 0; revision < 2 && !review.Passed; revision++)
        {
            script = (await writer.ReviseAsync(brief, research, script, review, CancellationToken.None)).Value;
            review = (await evaluator.EvaluateAsync(brief, script, research, CancellationToken.None)).Value;
        }

        return (script, review);
    }

    /// <summary>Each host's share of the script's words.</summary>
    public static Dictionary<string, double> Shares(Script script)
    {
        double total = script.Turns.Sum(t => TextStats.CountWords(t.Text));
        return script.Turns.GroupBy(t => t.Speaker).ToDictionary(g => g.Key, g => g.Sum(t => TextStats.CountWords(t.Text)) / total);
    }

    public static string Failures(ScriptReview review) =>
        string.Join(" | ", review.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));
}
