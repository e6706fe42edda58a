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
    /// <summary>Host A opens the show.</summary>
    public static string Welcome(LanguagePack pack, string host, string cohost, string topic) =>
        LanguagePack.Fill(pack.Frame.Welcome, ("host", host), ("cohost", cohost), ("topic", topic));

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
