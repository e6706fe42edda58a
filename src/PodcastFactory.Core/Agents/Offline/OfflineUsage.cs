using PodcastFactory.Core.Models;
using System.Diagnostics;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Builds the ledger entry of an offline agent call: counted in words, never any cost.</summary>
internal static class OfflineUsage
{
    /// <summary>Provider name of the offline agents.</summary>
    public const string Provider = "offline";

    /// <summary>Unit kind of the offline agents.</summary>
    public const string UnitKind = "words";

    /// <summary>Usage for a call that started at <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static AgentUsage Create(string agent, long inputWords, long outputWords, long startTimestamp) =>
        new(agent, Provider, Model: null, inputWords, outputWords, UnitKind,
            Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, CostUsd: 0m);
}
