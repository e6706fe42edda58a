using PodcastFactory.Core.Costs;
using System.Globalization;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// Researches one angle with the chat model, grounded only in the supplied sources: every note names a supplied
/// source (others are rejected by validation). Without sources the model is not called: the notes say so and
/// hold nothing, so nothing is invented.
/// </summary>
public sealed class LlmResearchAgent(StructuredChat chat) : IResearchAgent
{
    /// <inheritdoc />
    public async Task<AgentResult<ResearchNotes>> ResearchAsync(ResearchBrief brief, IReadOnlyList<SourceDocument> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(sources);
        List<SourceDocument> usable = sources.Where(s => !string.IsNullOrWhiteSpace(s?.Text)).ToList();
        if (usable.Count == 0)
        {
            var none = new ResearchNotes(brief.Topic, brief.Angle,
                $"No sources were supplied for \"{brief.Topic}\" ({brief.Angle}), so nothing is stated as fact: the model was not asked to research without sources.",
                [], HasSources: false);
            return new AgentResult<ResearchNotes>(none, new AgentUsage(AgentNames.Research, chat.Model.Provider, chat.Model.Model, 0, 0, "tokens", 0, 0m));
        }

        List<string> names = usable.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string system = Prompts.System(Prompts.Research, new Dictionary<string, string>
        {
            ["topic"] = brief.Topic,
            ["angle"] = brief.Angle,
            ["language"] = LanguagePacks.Describe(brief.Language),
            ["maxNotes"] = brief.MaxNotes.ToString(CultureInfo.InvariantCulture),
            ["sourceNames"] = string.Join(", ", names.Select(n => $"\"{n}\"")),
        });
        string user = string.Join("\n\n", usable.Select(DataBlocks.Source).Append(DataBlocks.Covered(brief.Earlier)).OfType<string>());
        AgentResult<ResearchAnswer> answer = await chat.AskAsync<ResearchAnswer>(
            AgentNames.Research, "research notes", system, user, a => a.Validate(names), OutputTokenCaps.Research, cancellationToken,
            new Dictionary<string, IReadOnlyCollection<string>> { ["notes.source"] = names });
        return new AgentResult<ResearchNotes>(answer.Value.ToNotes(brief, names), answer.Usage);
    }
}
