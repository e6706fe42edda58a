using System.Globalization;

namespace PodcastFactory.Core.Languages;

/// <summary>
/// Everything the offline agents and the published files say in one language, and the word lists its text is measured
/// by: read from an embedded <c>Packs/{code}.json</c> (see <see cref="LanguagePacks"/>), so adding a language is adding
/// one file. Templates use named placeholders (<c>{host}</c>, <c>{cohost}</c>, <c>{topic}</c>, <c>{sections}</c>) or
/// <c>{0}</c> for the question pools; no line states a fact.
/// </summary>
public sealed record LanguagePack
{
    /// <summary>Primary language subtag, e.g. <c>es</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The language's English name, as prompts name it ("Spanish").</summary>
    public required string Name { get; init; }

    /// <summary>The ISO 639-2 code (<c>spa</c>): what ID3 tags name a language by.</summary>
    public required string Iso6392 { get; init; }

    /// <summary>
    /// How the language writes a date. The pack carries the names itself: the app runs with invariant globalization
    /// (no ICU culture data), so <c>CultureInfo</c> would write every date in English.
    /// </summary>
    public required DateWords Dates { get; init; }

    /// <summary>espeak-ng's voice for the language (e.g. <c>es</c>): what flite's English-only voices become.</summary>
    public required string EspeakVoice { get; init; }

    /// <summary>The fixed frame of an offline script.</summary>
    public required FrameLines Frame { get; init; }

    /// <summary>The other host's questions, reactions, answers and bridges.</summary>
    public required HostPools Pools { get; init; }

    /// <summary>Chapter titles, openers and known research angles of the arc.</summary>
    public required ArcWords Arc { get; init; }

    /// <summary>Headings of the show notes.</summary>
    public required NotesHeadings Notes { get; init; }

    /// <summary>The offline social post's fixed words.</summary>
    public required SocialLines Social { get; init; }

    /// <summary>Words the review looks for (lower-case): a welcome, a sign-off, an overview, a recap.</summary>
    public required ReviewCues ReviewCues { get; init; }

    /// <summary>Function words (lower-case): ignored in ranking, and counted to tell which language a text is in.</summary>
    public required IReadOnlyList<string> StopWords { get; init; }

    /// <summary>Words that end with a dot without ending a sentence ("Sr", "z.B").</summary>
    public IReadOnlyList<string> Abbreviations { get; init; } = [];

    /// <summary>Sentence openers that point back ("Esto", "Aber"): such a sentence is joined to the one before it.</summary>
    public IReadOnlyList<string> ContextOpeners { get; init; } = [];

    /// <summary>A day as the language writes it in prose ("martes, 8 de diciembre de 2026", "Dienstag, 8. Dezember 2026").</summary>
    public string FormatDate(DateTime date) => Fill(Dates.Format,
        ("weekday", Dates.Weekdays[(int)date.DayOfWeek]),
        ("day", date.Day.ToString(CultureInfo.InvariantCulture)),
        ("month", Dates.Months[date.Month - 1]),
        ("year", date.Year.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Fills a template's named placeholders.</summary>
    public static string Fill(string template, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(template);
        string text = template;
        foreach ((string name, string value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>A language's date words: a pattern with {weekday}, {day}, {month}, {year}; weekdays from Sunday; months from January.</summary>
public sealed record DateWords(string Format, IReadOnlyList<string> Weekdays, IReadOnlyList<string> Months);

/// <summary>The frame of an offline script (see <c>DialogueTemplates</c>).</summary>
public sealed record FrameLines
{
    /// <summary>Host A opens: {host}, {cohost}, {topic}.</summary>
    public required string Welcome { get; init; }
    /// <summary>Host B names the sections: {host}, {sections}.</summary>
    public required string Overview { get; init; }
    /// <summary>Reply when the sources had no usable key points: {host}.</summary>
    public required string IntroReplyNoPoints { get; init; }
    /// <summary>Reply when no sources were supplied: {host}.</summary>
    public required string IntroReplyNoSources { get; init; }
    /// <summary>Closing line of an episode with nothing to present: {topic}.</summary>
    public required string NothingToPresent { get; init; }
    /// <summary>Hands the recap to the other host.</summary>
    public required string HandOverRecap { get; init; }
    /// <summary>Recap lead for one, two and three takeaways.</summary>
    public required IReadOnlyList<string> RecapLeads { get; init; }
    /// <summary>Lead-ins of the first, second and third takeaway.</summary>
    public required IReadOnlyList<string> TakeawayLeads { get; init; }
    /// <summary>Wrap-up: {topic}, {cohost}.</summary>
    public required string WrapUp { get; init; }
    /// <summary>Sign-off: {cohost}.</summary>
    public required string SignOff { get; init; }
    /// <summary>What the overview says with no named sections ("the key points").</summary>
    public required string KeyPoints { get; init; }
    /// <summary>The word that joins the last item of a list (" and ").</summary>
    public required string And { get; init; }
    /// <summary>Title of an episode without a topic.</summary>
    public required string Untitled { get; init; }
}

/// <summary>The other host's lines (see <c>HostLines</c>); <c>{0}</c> is the subject asked about.</summary>
public sealed record HostPools
{
    /// <summary>"So what is {0}?"</summary>
    public required IReadOnlyList<string> Definition { get; init; }
    /// <summary>"So what are {0}?"</summary>
    public required IReadOnlyList<string> PluralDefinition { get; init; }
    /// <summary>"What does {0} mean?"</summary>
    public required IReadOnlyList<string> Meaning { get; init; }
    /// <summary>Questions about a heading just named.</summary>
    public required IReadOnlyList<string> Heading { get; init; }
    /// <summary>Short reactions.</summary>
    public required IReadOnlyList<string> Reactions { get; init; }
    /// <summary>Acknowledgements before an answer.</summary>
    public required IReadOnlyList<string> Answers { get; init; }
    /// <summary>Bridges to the next note.</summary>
    public required IReadOnlyList<string> Bridges { get; init; }
}

/// <summary>How the arc names its parts.</summary>
public sealed record ArcWords
{
    /// <summary>Chapter title of the intro.</summary>
    public required string IntroChapter { get; init; }
    /// <summary>Chapter title of the recap.</summary>
    public required string RecapChapter { get; init; }
    /// <summary>Section openers: first, middle ones (cycled), last.</summary>
    public required IReadOnlyList<string> Openers { get; init; }
    /// <summary>Name of the section before the first heading ("the background").</summary>
    public required string Background { get; init; }
    /// <summary>Chapter title when a heading is empty ("The key points").</summary>
    public required string KeyPointsChapter { get; init; }
    /// <summary>
    /// True where nouns are written with a capital (German): a heading said inside a sentence then loses its capital
    /// only on a function word ("Die Schwammstadt" -> "die Schwammstadt", never "beispiele aus der Praxis").
    /// </summary>
    public bool CapitalizedNouns { get; init; }

    /// <summary>Question words a heading may start with (kept lower-case when said inside a sentence).</summary>
    public IReadOnlyList<string> QuestionWords { get; init; } = [];
    /// <summary>The known research angles by trigger word (background, works, challenges, examples, future).</summary>
    public required IReadOnlyDictionary<string, AngleWords> Angles { get; init; }
}

/// <summary>How one research angle is named: chapter title, in the overview, in its transition.</summary>
public sealed record AngleWords(string Chapter, string Overview, string Transition);

/// <summary>Headings and fixed sentences of the show notes.</summary>
public sealed record NotesHeadings
{
    /// <summary>"Chapters".</summary>
    public required string Chapters { get; init; }
    /// <summary>"Sources".</summary>
    public required string Sources { get; init; }
    /// <summary>"Credits".</summary>
    public required string Credits { get; init; }
    /// <summary>"No sources were supplied."</summary>
    public required string NoSources { get; init; }
    /// <summary>"Hosts".</summary>
    public required string Hosts { get; init; }
    /// <summary>"voice".</summary>
    public required string Voice { get; init; }
    /// <summary>"Models".</summary>
    public required string Models { get; init; }
    /// <summary>"Published".</summary>
    public required string Published { get; init; }
    /// <summary>The plain statement that the episode was produced with AI.</summary>
    public required string AiStatement { get; init; }
}

/// <summary>The offline social post's fixed words: {title}, {topic}.</summary>
public sealed record SocialLines
{
    /// <summary>"New episode: {title}."</summary>
    public required string NewEpisode { get; init; }
    /// <summary>"Two hosts talk through {topic}."</summary>
    public required string TalkThrough { get; init; }
    /// <summary>"Listen now!"</summary>
    public required string Listen { get; init; }
}

/// <summary>What the review's structure and arc checks look for in a language (matched case-insensitively, as substrings).</summary>
public sealed record ReviewCues
{
    /// <summary>A welcome ("welcome", "bienvenid").</summary>
    public required IReadOnlyList<string> Intro { get; init; }
    /// <summary>A sign-off ("thank", "hasta la próxima").</summary>
    public required IReadOnlyList<string> Outro { get; init; }
    /// <summary>An overview of the episode ("we'll cover").</summary>
    public required IReadOnlyList<string> Overview { get; init; }
    /// <summary>A recap ("to sum up").</summary>
    public required IReadOnlyList<string> Recap { get; init; }
}
