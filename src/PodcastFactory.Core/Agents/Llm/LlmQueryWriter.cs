using PodcastFactory.Core.Costs;
using System.Globalization;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>Asks the chat model for an angle's web search queries (structured output, validated); charged to research.</summary>
public sealed class LlmQueryWriter(StructuredChat chat) : IQueryWriter
{
    /// <inheritdoc />
    public async Task<AgentResult<IReadOnlyList<string>>> WriteQueriesAsync(string topic, string angle, int count, string language, CancellationToken cancellationToken)
    {
        string system = Prompts.System(Prompts.Queries, new Dictionary<string, string>
        {
            ["topic"] = topic,
            ["angle"] = angle,
            ["language"] = LanguagePacks.Describe(language),
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
        });
        string user = DataBlocks.Block("TOPIC", topic) + "\n\n" + DataBlocks.Block("ANGLE", angle);
        AgentResult<QueryAnswer> answer = await chat.AskAsync<QueryAnswer>(AgentNames.Research, "search queries", system, user, a => a.Validate(), OutputTokenCaps.Queries, cancellationToken);
        IReadOnlyList<string> queries = answer.Value.Queries!
            .Select(q => q.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(Math.Max(1, count))
            .ToList();
        return new AgentResult<IReadOnlyList<string>>(queries, answer.Usage);
    }
}
