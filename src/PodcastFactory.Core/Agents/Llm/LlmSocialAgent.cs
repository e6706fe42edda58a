using PodcastFactory.Core.Costs;
using System.Globalization;
using System.Text.Json;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>Writes the announcement post with the chat model, within the platform's length limit.</summary>
public sealed class LlmSocialAgent(StructuredChat chat) : ISocialAgent
{
    /// <inheritdoc />
    public Task<AgentResult<SocialPost>> WriteAsync(string topic, Script script, ResearchNotes research, CancellationToken cancellationToken) =>
        WriteAsync(topic, "en", script, research, cancellationToken);

    /// <inheritdoc />
    public async Task<AgentResult<SocialPost>> WriteAsync(string topic, string language, Script script, ResearchNotes research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(research);
        const int max = OfflineSocialAgent.MaxLength;
        string system = Prompts.System(Prompts.Social, new Dictionary<string, string>
        {
            ["topic"] = topic,
            ["language"] = LanguagePacks.Describe(language),
            ["platform"] = OfflineSocialAgent.Platform,
            ["maxLength"] = max.ToString(CultureInfo.InvariantCulture),
        });
        string user = DataBlocks.Block("SCRIPT", JsonSerializer.Serialize(new { script.Title, script.Turns }, StructuredChat.Json));
        AgentResult<SocialAnswer> answer = await chat.AskAsync<SocialAnswer>(
            AgentNames.SocialWriter, "social post", system, user, a => a.Validate(max), OutputTokenCaps.Social, cancellationToken);
        return new AgentResult<SocialPost>(new SocialPost(OfflineSocialAgent.Platform, answer.Value.Text!.Trim(), max), answer.Usage);
    }
}
