using System.Globalization;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using Spectre.Console;

namespace PodcastFactory.Local.Cli;

/// <summary>Prints the end-of-run summary: stages, agents (units, duration, cost) and the artifacts (folders of many files as a count).</summary>
public static class SummaryRenderer
{
    /// <summary>Renders the manifest as tables.</summary>
    public static void Render(IAnsiConsole console, EpisodeManifest manifest, string storeLocation, Publication? publication = null)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]Episode {Markup.Escape(manifest.EpisodeId)}[/]: {Markup.Escape(manifest.Status)}  total cost ${manifest.Costs.TotalUsd:0.0000}"));
        if (manifest.Costs.PossiblyBilledUsd > 0)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  paid ${manifest.Costs.PaidUsd:0.0000} + possibly billed ${manifest.Costs.PossiblyBilledUsd:0.0000} ({manifest.Costs.PossiblyBilled?.Count ?? 0} calls sent whose answer was lost)"));
        }

        foreach (Core.Costs.Journal.Interruption stop in manifest.Interruptions ?? [])
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  interrupted after {stop.LastSeenAt:HH:mm:ss}, resumed {stop.ResumedAt:HH:mm:ss} ({stop.DowntimeMs / 1000:0.0} s down; {stop.ResumedSteps.Count} step(s) started again)"));
        }

        var stages = new Table().Title("Stages").AddColumns("stage", "status", "duration", "detail");
        foreach (StageRecord stage in manifest.Stages)
        {
            stages.AddRow(stage.Name, stage.Status.ToString().ToLowerInvariant(), Seconds(stage.DurationMs), Markup.Escape(stage.Detail));
        }

        var agents = new Table().Title("Agents").AddColumns("agent", "calls", "cache hits", "units", "duration", "cost (USD)");
        foreach (AgentCostSummary agent in manifest.Costs.ByAgent)
        {
            agents.AddRow(
                agent.Agent,
                agent.Calls.ToString(CultureInfo.InvariantCulture),
                agent.CacheHits.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{agent.Units:N0} {agent.UnitKind}"),
                Seconds(agent.DurationMs),
                agent.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        string folder = Path.Combine(storeLocation, manifest.EpisodeId);
        var artifacts = new Table().Title("Artifacts in " + Markup.Escape(folder)).AddColumns("artifact", "bytes");
        foreach (ArtifactRow row in ArtifactRows.For(manifest.EpisodeId, manifest.Artifacts))
        {
            artifacts.AddRow(Markup.Escape(row.Name), row.Bytes.ToString("N0", CultureInfo.InvariantCulture));
        }

        artifacts.AddRow(ArtifactRows.Relative(manifest.EpisodeId, ArtifactNames.Manifest(manifest.EpisodeId)), "");
        console.Write(stages);
        console.Write(agents);
        console.Write(artifacts);
        if (publication is not null)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[bold]Published[/]: episode.mp3 {publication.IntegratedLufs:0.0} LUFS (target {publication.TargetLufs:0.0}), true peak {publication.TruePeakDbtp:0.0} dBTP, {publication.DurationSeconds:0.0} s, {publication.Chapters} chapters, {publication.Cues} transcript cues; feed item #{publication.EpisodeNumber} in {Markup.Escape(publication.Feed)}"));
        }

        foreach (string warning in manifest.Warnings)
        {
            console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        }
    }

    static string Seconds(double ms) => (ms / 1000).ToString("0.00 's'", CultureInfo.InvariantCulture);
}
