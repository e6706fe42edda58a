using System.Diagnostics;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Writes a post for X from the episode title and the top research note, plus hashtags from the topic words.
/// Without research notes it states no facts: only the topic and a call to listen.
/// </summary>
public sealed class OfflineSocialAgent : ISocialAgent
{
    /// <summary>Platform identifier of the post.</summary>
    public const string Platform = "x";

    /// <summary>The platform's length limit in characters.</summary>
    public const int MaxLength = 280;

    const string Ellipsis = "\u2026";

    /// <inheritdoc />
    public Task<AgentResult<SocialPost>> WriteAsync(string topic, Script script, ResearchNotes research, CancellationToken cancellationToken) =>
        WriteAsync(topic, "en", script, research, cancellationToken);

    /// <inheritdoc />
    public Task<AgentResult<SocialPost>> WriteAsync(string topic, string language, Script script, ResearchNotes research, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(research);
        cancellationToken.ThrowIfCancellationRequested();
        long start = Stopwatch.GetTimestamp();

        string title = string.IsNullOrWhiteSpace(script.Title) ? topic.Trim() : script.Title.Trim();
        SocialLines lines = LanguagePacks.For(language).Social;
        string opening = LanguagePack.Fill(lines.NewEpisode, ("title", title));
        string body = research.HasSources && research.Notes.Count > 0
            ? $"{opening} {research.Notes[0].Text}"
            : $"{opening} {LanguagePack.Fill(lines.TalkThrough, ("topic", topic.Trim()))}";
        string tail = "\n\n" + lines.Listen + " " + string.Join(" ", HashtagBuilder.Build(topic));
        string text = Truncate(body, MaxLength - tail.Length) + tail;
        if (text.Length > MaxLength)
        {
            text = Truncate(text, MaxLength);
        }

        var post = new SocialPost(Platform, text, MaxLength);
        long input = TextStats.CountWords(topic) + TextStats.CountWords(title) + (research.Notes.Count > 0 ? TextStats.CountWords(research.Notes[0].Text) : 0);
        return Task.FromResult(new AgentResult<SocialPost>(post, OfflineUsage.Create(AgentNames.SocialWriter, input, TextStats.CountWords(text), start)));
    }

    /// <summary>The text itself when it fits, otherwise cut at the last word boundary with an ellipsis.</summary>
    static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= Ellipsis.Length)
        {
            return "";
        }

        string cut = text[..(max - Ellipsis.Length)];
        int space = cut.LastIndexOf(' ');
        if (space > 0)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '.', '-') + Ellipsis;
    }
}
