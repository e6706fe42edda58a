using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Renders a plan (the research note indexes to present) as a two-host dialogue with an arc: an intro that says what
/// the episode covers, one section per research angle (<see cref="AngleSections"/>) opened by a transition that names
/// it, a recap of up to three takeaways, a sign-off. Each section, the intro and the recap set
/// <see cref="ScriptTurn.Chapter"/> on their first turn. Speakers strictly alternate; inside a section the host who is
/// ahead in words leads into the next note with a question built from its words, so the other host tells it; otherwise
/// the next note is introduced by picking up the words of the note just told (<see cref="HostLines"/>). Every note is stated verbatim and cited in
/// <see cref="ScriptTurn.Claims"/>. Turns longer than the limit are split; parts that do not state a note lose the claim.
/// </summary>
internal static class ScriptRenderer
{
    const int MaxTakeaways = 3, MaxTakeawayWords = 25, NotesPerTakeaway = 3;

    /// <summary>The turns for <paramref name="plan"/>, each within <see cref="ScriptBrief.MaxTurnCharacters"/>.</summary>
    public static List<ScriptTurn> Render(ScriptBrief brief, ResearchNotes research, IEnumerable<int> plan)
    {
        (string a, string b) = HostNames(brief);
        IReadOnlyList<ResearchNote> notes = research.Notes;
        List<int> planned = plan.Where(i => i >= 0 && i < notes.Count).Distinct().Order().ToList();
        var turns = new List<ScriptTurn> { new(a, DialogueTemplates.Welcome(a, b, brief.Topic), Chapter: DialogueTemplates.IntroChapter) };
        if (planned.Count == 0)
        {
            turns.Add(new(b, DialogueTemplates.IntroReply(a, research.HasSources)));
            turns.Add(new(a, DialogueTemplates.NothingToPresent(brief.Topic)));
            turns.Add(new(b, DialogueTemplates.SignOff(a)));
            return Finish(turns, notes, brief.MaxTurnCharacters);
        }

        List<ArcSection> sections = AngleSections.Build(notes, planned);
        turns.Add(new(b, DialogueTemplates.Overview(a, sections.Select(s => s.Overview).ToList())));
        var lines = new HostLines(notes);
        int? previous = null;
        string Speaker() => turns.Count % 2 == 0 ? a : b;
        string Other() => turns.Count % 2 == 0 ? b : a;
        bool Ahead() => Words(turns, Speaker()) > Words(turns, Other());

        foreach (ArcSection section in sections)
        {
            for (int j = 0; j < section.Notes.Count; j++)
            {
                int note = section.Notes[j];
                // The host who is ahead in words asks, so the other tells the note: the hosts stay balanced.
                string? question = j > 0 && Ahead() ? lines.Question(note) : null;
                string pickUp = question is null && previous is int p && lines.FollowUp(p) is string followUp ? followUp + " " : "";
                string? chapter = j == 0 ? section.Chapter : null;
                if (question is not null)
                {
                    turns.Add(new(Speaker(), pickUp + question, Chapter: chapter));
                    string answer = lines.Answer() is string ack ? ack + " " : "";
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

        List<int> takeaways = Takeaways(sections, notes);
        string recap = DialogueTemplates.RecapLead(takeaways.Count) + " "
            + string.Join(" ", takeaways.Select((n, k) => $"{DialogueTemplates.TakeawayLead(k)} {notes[n].Text}"));
        if (Ahead())
        {
            turns.Add(new(Speaker(), DialogueTemplates.HandOverRecap));
        }

        string closer = Speaker(), last = closer == a ? b : a;
        turns.Add(new(closer, recap, takeaways, DialogueTemplates.RecapChapter));
        turns.Add(new(last, DialogueTemplates.WrapUp(brief.Topic, closer)));
        turns.Add(new(closer, DialogueTemplates.SignOff(last)));
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

    // One takeaway per three notes, at most three: the best-ranked short note of each section, then of the whole plan;
    // told in arc order.
    static List<int> Takeaways(List<ArcSection> sections, IReadOnlyList<ResearchNote> notes)
    {
        bool Short(int i) => TextStats.CountWords(notes[i].Text) <= MaxTakeawayWords;
        List<int> order = sections.SelectMany(s => s.Notes).ToList();
        int count = Math.Clamp(order.Count / NotesPerTakeaway, 1, MaxTakeaways);
        var chosen = sections
            .Select(s => s.Notes.Where(Short).Order().FirstOrDefault(-1))
            .Where(i => i >= 0)
            .OrderBy(i => i)
            .Take(count)
            .ToList();
        chosen.AddRange(order.Where(Short).Order().Except(chosen).Take(count - chosen.Count));
        if (chosen.Count == 0)
        {
            chosen.Add(order.Min());
        }

        return chosen.OrderBy(order.IndexOf).ToList();
    }

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
