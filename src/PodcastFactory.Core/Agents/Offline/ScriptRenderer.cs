using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Renders a plan (the research note indexes to present) as a script for the brief's cast (1-4 hosts, turn-taking by
/// <see cref="Dialogue"/>) in the brief's format. The deep-dive (and brief, critique, solo) has an arc: an intro that says what
/// the episode covers, one section per research angle (<see cref="AngleSections"/>) opened by a transition that names
/// it (or one per heading of the sources), a recap that names up to three of the parts and their key phrases in new
/// words (<see cref="TakeawayPhrases"/>), a sign-off. Each
/// section, the intro and the recap set <see cref="ScriptTurn.Chapter"/> on their first turn. A critique's sections are
/// <see cref="ContrastSections"/>; a debate, an interview and a panel tell their sections their own way
/// (<see cref="DebateArc"/>, <see cref="InterviewArc"/>, <see cref="PanelArc"/>) inside the same frame. A headed section opens with a question about its heading that the next turn answers; inside a section the
/// host who is ahead in words asks what the next note defines, so the other host tells it; otherwise a varied reaction
/// or bridge leads in (<see cref="HostLines"/>), never an echo. In a show with earlier episodes, the first note that
/// builds on one is led in by one line that refers back to it (<see cref="BackReferences"/>). Every note is stated verbatim and cited in
/// <see cref="ScriptTurn.Claims"/>. Turns longer than the limit are split; parts that do not state a note lose the claim.
/// Every line it adds, and every chapter title, is in the brief's language (<see cref="LanguagePacks.For"/>).
/// </summary>
internal static class ScriptRenderer
{
    const int MaxTakeaways = 3;

    /// <summary>The turns for <paramref name="plan"/>, each within <see cref="ScriptBrief.MaxTurnCharacters"/>.</summary>
    public static List<ScriptTurn> Render(ScriptBrief brief, ResearchNotes research, IEnumerable<int> plan)
    {
        var dialogue = new Dialogue(brief);
        LanguagePack pack = LanguagePacks.For(brief.Language);
        IReadOnlyList<string> cast = dialogue.Hosts;
        string format = EpisodeFormats.Of(brief.Format).Name;
        IReadOnlyList<ResearchNote> notes = research.Notes;
        List<int> planned = plan.Where(i => i >= 0 && i < notes.Count).Distinct().Order().ToList();
        dialogue.Say(Welcome(pack, cast, brief.Topic, format), chapter: pack.Arc.IntroChapter);
        if (planned.Count == 0)
        {
            NothingToPresent(dialogue, brief, research.HasSources, pack);
            return Finish(dialogue.Turns, notes, brief.MaxTurnCharacters);
        }

        List<ArcSection> sections = format switch
        {
            EpisodeFormats.Critique => ContrastSections.Build(notes, planned, pack),
            EpisodeFormats.Debate => DebateArc.Sections(notes, planned),
            _ => AngleSections.Build(notes, planned, pack),
        };
        // Series memory: the first told note that builds on an earlier episode of the show says so, once (deep-dive telling).
        BackReference? back = BackReferences.Find(research, sections.SelectMany(s => s.Notes));

        List<string> overview = sections.Select(s => s.Overview).ToList();
        dialogue.Say(dialogue.Solo ? DialogueTemplates.SoloOverview(overview)
            : format == EpisodeFormats.Interview ? DialogueTemplates.GuestOverview(cast[0], overview)
            : DialogueTemplates.Overview(pack, cast[0], overview));
        var lines = new HostLines(notes, pack, dialogue.Solo);
        switch (format)
        {
            case EpisodeFormats.Debate:
                DebateArc.Tell(dialogue, sections, notes);
                break;
            case EpisodeFormats.Interview:
                InterviewArc.Tell(dialogue, sections, notes, lines);
                break;
            case EpisodeFormats.Panel:
                PanelArc.Tell(dialogue, sections, notes, lines);
                break;
            default:
                TellSections(dialogue, sections, notes, lines, back);
                break;
        }

        Close(dialogue, brief, sections, notes, pack);
        return Finish(dialogue.Turns, notes, brief.MaxTurnCharacters);
    }

    // The deep-dive's telling (also brief, critique and solo): a headed section opens with a question the next turn
    // answers; inside a section the host who is ahead asks what the next note defines; otherwise a reaction or a bridge.
    // A solo narrator asks nothing (a question must be answered by another voice) and only bridges.
    static void TellSections(Dialogue dialogue, List<ArcSection> sections, IReadOnlyList<ResearchNote> notes, HostLines lines, BackReference? back)
    {
        int? previous = null;
        foreach (ArcSection section in sections)
        {
            for (int j = 0; j < section.Notes.Count; j++)
            {
                int note = section.Notes[j];
                string? chapter = j == 0 ? section.Chapter : null;
                // A headed section opens with its heading and a question about it; the other host answers with the note.
                string? opening = !dialogue.Solo && j == 0 && section.Heading is string heading && lines.HeadingQuestion(heading) is string asked
                    ? (section.Transition + " " + asked).TrimEnd()
                    : null;
                // Inside a section, the host who is ahead in words asks what the next note defines, so the other tells it.
                string? question = opening ?? (j > 0 && dialogue.NextIsAhead ? lines.Question(note) : null);
                // A narrator's own section transition is the bridge: a second one before it would be filler.
                bool bridge = question is null && !(dialogue.Solo && j == 0);
                string pickUp = bridge && previous is int p && lines.FollowUp(p) is string followUp ? followUp + " " : "";
                string backLine = back?.Note == note ? back.Line + " " : "";
                if (question is not null)
                {
                    dialogue.Say(question, chapter: chapter);
                    string answer = opening is null && lines.Answer() is string ack ? ack + " " : "";
                    dialogue.Say(answer + backLine + notes[note].Text, [note]);
                }
                else
                {
                    string lead = j == 0 ? section.Transition + " " : "";
                    dialogue.Say(pickUp + lead + backLine + notes[note].Text, [note], chapter);
                }

                previous = note;
            }
        }
    }

    // The recap names what each part was about and restates its notes in new words: it never reads a note out again.
    static void Close(Dialogue dialogue, ScriptBrief brief, List<ArcSection> sections, IReadOnlyList<ResearchNote> notes, LanguagePack pack)
    {
        IReadOnlyList<string> cast = dialogue.Hosts;
        List<string> takeaways = Takeaways(sections, notes, pack,
            sentence => GroundingRules.LooksLikeUncitedFact(new ScriptTurn(cast[0], sentence), notes, brief.Topic, cast));
        string recap = DialogueTemplates.RecapLead(pack, takeaways.Count) + " "
            + string.Join(" ", takeaways.Select((name, k) => $"{DialogueTemplates.TakeawayLead(pack, k)} {name}."));
        if (dialogue.NextIsAhead)
        {
            dialogue.Say(DialogueTemplates.HandOverRecap(pack));
        }

        string closer = dialogue.Next;
        dialogue.Say(recap, chapter: pack.Arc.RecapChapter);
        if (dialogue.Solo)
        {
            dialogue.Say(DialogueTemplates.SoloSignOff(brief.Topic));
            return;
        }

        string last = dialogue.Next;
        dialogue.Say(DialogueTemplates.WrapUp(pack, brief.Topic, closer));
        dialogue.Add(closer, DialogueTemplates.SignOff(pack, last));
    }

    // The two-host deep-dive opens with the language pack's welcome; the other formats and casts with their own lines
    // (English only: LanguageGate serves other languages offline in the two-host deep-dive only).
    static string Welcome(LanguagePack pack, IReadOnlyList<string> cast, string topic, string format) =>
        format == EpisodeFormats.DeepDive && cast.Count == 2
            ? DialogueTemplates.Welcome(pack, cast[0], cast[1], topic)
            : DialogueTemplates.Welcome(cast, topic, format);

    static void NothingToPresent(Dialogue dialogue, ScriptBrief brief, bool hasSources, LanguagePack pack)
    {
        if (dialogue.Solo)
        {
            dialogue.Say(DialogueTemplates.SoloNothingToPresent(brief.Topic, hasSources));
            return;
        }

        string host = dialogue.Hosts[0];
        dialogue.Say(DialogueTemplates.IntroReply(pack, host, hasSources));
        dialogue.Add(host, DialogueTemplates.NothingToPresent(pack, brief.Topic));
        dialogue.Say(DialogueTemplates.SignOff(pack, host));
    }

    /// <summary>The speaker labels in cast order (see <see cref="Dialogue.Cast"/>).</summary>
    public static IReadOnlyList<string> HostNames(ScriptBrief brief) => Dialogue.Cast(brief);

    // One takeaway per section, at most three (the longest sections, told in arc order): named as the section was, then
    // what its notes said compressed to their key phrases (TakeawayPhrases), never a note read out again.
    // Key phrases so close to one note that the grounding rule would hear an uncited fact give way to the name alone.
    // TakeawayPhrases reads English phrasing only: in another language a takeaway is the section's name.
    static List<string> Takeaways(List<ArcSection> sections, IReadOnlyList<ResearchNote> notes, LanguagePack pack, Func<string, bool> statesAFact)
    {
        var said = new HashSet<string>(StringComparer.Ordinal);
        return sections
            .Select((section, k) => (section, k))
            .OrderByDescending(s => s.section.Notes.Count).ThenBy(s => s.k)
            .Take(MaxTakeaways)
            .OrderBy(s => s.k)
            .Select((s, n) =>
            {
                string name = s.section.Overview.TrimEnd('?', '.', ':');
                if (pack.Code != "en")
                {
                    return name;
                }

                string restated = TakeawayPhrases.Restate(n, name, s.section.Notes.Select(i => notes[i].Text), said);
                return statesAFact($"{DialogueTemplates.TakeawayLead(pack, n)} {restated}.") ? name : restated;
            })
            .ToList();
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
