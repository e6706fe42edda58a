using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The fixed lines of the offline script's frame: welcome, overview, recap lead-ins, wrap-up and sign-off, in the
/// episode's language (its <see cref="LanguagePack"/>). They connect but never state a fact: every factual sentence in
/// an offline script is a research note. Each line is used once per episode; the lines that react to a note are in
/// <see cref="HostLines"/>.
/// </summary>
internal static class DialogueTemplates
{
    // The lines of the other formats and casts are English (LanguageGate serves them offline in English only).
    static readonly LanguagePack _english = LanguagePacks.For("en");

    /// <summary>Host A opens the show.</summary>
    public static string Welcome(LanguagePack pack, string host, string cohost, string topic) =>
        LanguagePack.Fill(pack.Frame.Welcome, ("host", host), ("cohost", cohost), ("topic", topic));

    /// <summary>
    /// The first host opens a show of any cast and format: two hosts in a deep-dive hear <see cref="Welcome(LanguagePack, string, string, string)"/>
    /// unchanged; a solo narrator speaks alone; an interview introduces its guest (the last host); other formats say
    /// what kind of episode it is.
    /// </summary>
    public static string Welcome(IReadOnlyList<string> cast, string topic, string format)
    {
        string host = cast[0];
        if (cast.Count == 1)
        {
            return format == Models.EpisodeFormats.Brief
                ? $"Welcome to the show. I'm {host}, and today I'm giving you {topic} in brief."
                : $"Welcome to the show. I'm {host}, and today I'm taking you through {topic}.";
        }

        if (format == Models.EpisodeFormats.Interview)
        {
            string with = cast.Count > 2 ? $", here with {Join(_english, cast.Skip(1).SkipLast(1).ToList())}," : ",";
            return $"Welcome to the show. I'm {host}{with} and our guest today is {cast[^1]}. We're talking about {topic}.";
        }

        List<string> others = cast.Skip(1).ToList();
        string company = others.Count == 1 ? $"with me today is {others[0]}" : $"with me today are {Join(_english, others)}";
        string what = format switch
        {
            Models.EpisodeFormats.Brief => $"Here's {topic} in brief.",
            Models.EpisodeFormats.Critique => $"We're taking a critical look at {topic}: what holds up, and what doesn't.",
            Models.EpisodeFormats.Debate => $"We're debating {topic}, and we're taking sides.",
            Models.EpisodeFormats.Panel => $"We're talking about {topic}, and each of us takes a part of it.",
            _ => $"We're talking about {topic}.",
        };
        return $"Welcome to the show. I'm {host}, and {company}. {what}";
    }

    /// <summary>The narrator of a solo says what the episode covers.</summary>
    public static string SoloOverview(IReadOnlyList<string> sections) =>
        $"In this episode we'll cover {Join(_english, sections.Select(s => s.TrimEnd('?', '.', ':')).ToList())}, then the takeaways, all from the sources.";

    /// <summary>The guest of an interview thanks the host and says what the episode covers.</summary>
    public static string GuestOverview(string host, IReadOnlyList<string> sections) =>
        $"Thanks for having me, {host}. We'll cover {Join(_english, sections.Select(s => s.TrimEnd('?', '.', ':')).ToList())}, then the takeaways, all from the sources.";

    /// <summary>The narrator of a solo signs off.</summary>
    public static string SoloSignOff(string topic) =>
        $"That's a good place to stop on {topic}. Thanks for listening, and until next time.";

    /// <summary>The narrator of a solo when there is nothing to present, saying why.</summary>
    public static string SoloNothingToPresent(string topic, bool hasSources) => hasSources
        ? $"One thing you should know: the sources I was given had no usable key points, so I won't state anything as fact today. When there are, I'll come back to {topic} properly. Thanks for listening."
        : $"One thing you should know: no sources were supplied for this episode, so I won't state anything as fact today. When there are, I'll come back to {topic} properly. Thanks for listening.";

    /// <summary>Host B says what the episode covers, section by section, and where the facts come from.</summary>
    public static string Overview(LanguagePack pack, string host, IReadOnlyList<string> sections) =>
        LanguagePack.Fill(pack.Frame.Overview, ("host", host), ("sections", Join(pack, sections.Select(s => s.TrimEnd('?', '.', ':')).ToList())));

    /// <summary>Host B replies when there is nothing to present, saying why.</summary>
    public static string IntroReply(LanguagePack pack, string host, bool hasSources) =>
        LanguagePack.Fill(hasSources ? pack.Frame.IntroReplyNoPoints : pack.Frame.IntroReplyNoSources, ("host", host));

    /// <summary>Closing line of an episode that had nothing to present.</summary>
    public static string NothingToPresent(LanguagePack pack, string topic) => LanguagePack.Fill(pack.Frame.NothingToPresent, ("topic", topic));

    /// <summary>Hands the recap to the other host (said by the host who has spoken more).</summary>
    public static string HandOverRecap(LanguagePack pack) => pack.Frame.HandOverRecap;

    /// <summary>Opens the recap.</summary>
    public static string RecapLead(LanguagePack pack, int takeaways) => pack.Frame.RecapLeads[Math.Clamp(takeaways, 1, pack.Frame.RecapLeads.Count) - 1];

    /// <summary>Lead-in of the n-th (0-based) takeaway.</summary>
    public static string TakeawayLead(LanguagePack pack, int index) => pack.Frame.TakeawayLeads[Math.Min(index, pack.Frame.TakeawayLeads.Count - 1)];

    /// <summary>Wrap-up by the host who did not give the recap.</summary>
    public static string WrapUp(LanguagePack pack, string topic, string cohost) =>
        LanguagePack.Fill(pack.Frame.WrapUp, ("topic", topic), ("cohost", cohost));

    /// <summary>Final sign-off.</summary>
    public static string SignOff(LanguagePack pack, string cohost) => LanguagePack.Fill(pack.Frame.SignOff, ("cohost", cohost));

    static string Join(LanguagePack pack, IReadOnlyList<string> items) => items.Count switch
    {
        0 => pack.Frame.KeyPoints,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + pack.Frame.And + items[^1],
    };
}
