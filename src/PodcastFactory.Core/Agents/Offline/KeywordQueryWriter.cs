using System.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Queries from keywords, no model: the topic with the angle's content words first (so angles find different pages),
/// then the bare topic, then the topic with the angle's first word; distinct.
/// </summary>
public sealed class KeywordQueryWriter : IQueryWriter
{
    /// <inheritdoc />
    public Task<AgentResult<IReadOnlyList<string>>> WriteQueriesAsync(string topic, string angle, int count, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        long start = Stopwatch.GetTimestamp();
        List<string> words = (angle ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w.ToLowerInvariant()))
            .ToList();
        string[] candidates =
        [
            $"{topic} {string.Join(' ', words)}".Trim(),
            topic.Trim(),
            $"{topic} {string.Join(' ', words.Take(1))}".Trim(),
        ];
        IReadOnlyList<string> queries = candidates.Distinct(StringComparer.OrdinalIgnoreCase).Take(Math.Max(1, count)).ToList();
        return Task.FromResult(new AgentResult<IReadOnlyList<string>>(queries, OfflineUsage.Create(AgentNames.Research, 0, 0, start)));
    }
}
