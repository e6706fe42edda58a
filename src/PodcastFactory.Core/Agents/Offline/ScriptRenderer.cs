using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Renders a plan (the research note indexes to present) as a two-host dialogue with an arc: an intro that says what
/// the episode covers, one section per research angle (<see cref="AngleSections"/>) opened by a transition that names
/// it (or one per heading of the sources), a recap that names up to three of the parts in new words, a sign-off. Each
/// section, the intro and the recap set <see cref="ScriptTurn.Chapter"/> on their first turn. Speakers strictly
/// alternate; a headed section opens with a question about its heading that the next turn answers; inside a section the
/// host who is ahead in words asks what the next note defines, so the other host tells it; otherwise a varied reaction
/// or bridge leads in (<see cref="HostLines"/>), never an echo. Every note is stated verbatim and cited in
/// <see cref="ScriptTurn.Claims"/>. Turns longer than the limit are split; parts that do not state a note lose the claim.
/// Every line it adds, and every chapter title, is in the brief's language (<see cref="LanguagePacks.For"/>).
/// </summary>
internal static class ScriptRenderer
{
    const int MaxTakeaways = 3;

    /// <summary>The turns for <paramref name="plan"/>, each within <see cref="ScriptBrief.MaxTurnCharacters"/>.</summary>
    public static List<ScriptTurn> Render(ScriptBrief brief, ResearchNotes research, IEnumerable<int> plan)
    {
        (string a, string b) = HostNames(brief);
        LanguagePack pack = LanguagePacks.For(brief.Language);
        IReadOnlyList<ResearchNote> notes = research.Notes;
        List<int> planned = plan.Where(i => i >= 0 && i < notes.Count).Distinct().Order().ToList();
        var turns = new List<ScriptTurn> { new(a, DialogueTemplates.Welcome(pack, a, b, brief.Topic), Chapter: pack.Arc.IntroChapter) };
        if (planned.Count == 0)
        {
            turns.Add(new(b, DialogueTemplates.IntroReply(pack, a, research.HasSources)));
            turns.Add(new(a, DialogueTemplates.NothingToPresent(pack, brief.Topic)));
            turns.Add(new(b, DialogueTemplates.SignOff(pack, a)));
            return Finish(turns, notes, brief.MaxTurnCharacters);
        }

        List<ArcSection> sections = AngleSections.Build(notes, planned, pack);
        turns.Add(new(b, DialogueTemplates.Overview(pack, a, sections.Select(s => s.Overview).ToList())));
        var lines = new HostLines(notes, pack);
        int? previous = null;
        string Speaker() => turns.Count % 2 == 0 ? a : b;
        string Other() => turns.Count % 2 == 0 ? b : a;
        bool Ahead() => Words(turns, Speaker()) > Words(turns, Other());

        foreach (ArcSection section in sections)
        {
            for (int j = 0; j < section.Notes.Count; j++)
            {
                int note = section.Notes[j];
                string? chapter = j == 0 ? section.Chapter : null;
                // A headed section opens with its heading and a question about it; the other host answers with the note.
                string? opening = j == 0 && section.Heading is string heading && lines.HeadingQuestion(heading) is string asked
                    ? (section.Transition + " " + asked).TrimEnd()
                    : null;
                // Inside a section, the host who is ahead in words asks what the next note defines, so the other tells it.
                string? question = opening ?? (j > 0 && Ahead() ? lines.Question(note) : null);
                string pickUp = question is null && previous is int p && lines.FollowUp(p) is string followUp ? followUp + " " : "";
                if (question is not null)
                {
                    turns.Add(new(Speaker(), question, Chapter: chapter));
                    string answer = opening is null && lines.Answer() is string ack ? ack + " " : "";
                    turns.Add(new(Speaker(), answer + notes[note].Text, [note]));
                }
                else
                {
                    string lead = j == 0 ? section.Transition + " " : "";
                    turns.Add(new(Speaker(), pickUp + lead + notes[note].Text, [note], chapter));
                }

                previous = note;
            }
        }

        // The recap names what each part was about, in the sections' own words: it never reads a note out again.
        List<string> takeaways = Takeaways(sections);
        string recap = DialogueTemplates.RecapLead(pack, takeaways.Count) + " "
            + string.Join(" ", takeaways.Select((name, k) => $"{DialogueTemplates.TakeawayLead(pack, k)} {name}."));
        if (Ahead())
        {
            turns.Add(new(Speaker(), DialogueTemplates.HandOverRecap(pack)));
        }

        string closer = Speaker(), last = closer == a ? b : a;
        turns.Add(new(closer, recap, Chapter: pack.Arc.RecapChapter));
        turns.Add(new(last, DialogueTemplates.WrapUp(pack, brief.Topic, closer)));
        turns.Add(new(closer, DialogueTemplates.SignOff(pack, last)));
        return Finish(turns, notes, brief.MaxTurnCharacters);
    }

    /// <summary>The two speaker labels.</summary>
    public static (string A, string B) HostNames(ScriptBrief brief)
    {
        if (brief.Hosts is not { Count: >= 2 })
        {
            throw new ArgumentException("A script needs two hosts.", nameof(brief));
        }

        return (brief.Hosts[0].Name, brief.Hosts[1].Name);
    }

    static int Words(IEnumerable<ScriptTurn> turns, string speaker) =>
        turns.Where(t => t.Speaker == speaker).Sum(t => TextStats.CountWords(t.Text));

    // One takeaway per section, at most three (the longest sections, told in arc order): named as the section was.
    static List<string> Takeaways(List<ArcSection> sections) =>
        sections
            .Select((section, k) => (section, k))
            .OrderByDescending(s => s.section.Notes.Count).ThenBy(s => s.k)
            .Take(MaxTakeaways)
            .OrderBy(s => s.k)
            .Select(s => s.section.Overview.TrimEnd('?', '.', ':'))
            .ToList();

    // Splits long turns; a part keeps the claims it states (all of them, or those it matches one by one), else none.
    static List<ScriptTurn> Finish(List<ScriptTurn> turns, IReadOnlyList<ResearchNote> notes, int maxCharacters) =>
        turns.SelectMany(t => TurnSplitter.Split(t, maxCharacters)
                .Select((part, k) => (part.Claims is null || ReferenceEquals(part, t)
                    ? part
                    : part with { Claims = OwnClaims(part, notes) }) with { Chapter = k == 0 ? t.Chapter : null }))
            .ToList();

    static List<int>? OwnClaims(ScriptTurn part, IReadOnlyList<ResearchNote> notes)
    {
        // A split part cites only the notes it states itself (the fact-check holds each cited passage to the part).
        List<int> own = part.Claims!.Where(c => c >= 0 && c < notes.Count && FactCheck.Supports(part, notes[c])).ToList();
        return own.Count > 0 ? own : null;
    }
}
