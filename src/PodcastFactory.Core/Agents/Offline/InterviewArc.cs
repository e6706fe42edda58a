using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The interview: the last host is the guest, who answers from the research; the others interview. Each section opens
/// with an interviewer's question that the guest answers with a note; then an interviewer brings in the next note and
/// asks about it, and the guest answers with the one after, so every question is answered by the very next turn and the
/// interviewers carry their share of the words. Questions come from a fixed pool, each asked once; when the pool is
/// spent the interviewer states the note without a question.
/// </summary>
internal static class InterviewArc
{
    static readonly string[] _questions =
    [
        "What should listeners know about that?", "How does that play out in practice?", "Why does that matter?",
        "And what follows from that?", "Where does that lead?", "What would you add to that?", "Can you say more about how that works?",
        "What's the other side of it?", "What else stands out to you here?", "How would you explain that to a newcomer?",
        "What does that change for a team?", "Is there a catch?",
    ];

    static readonly string[] _openers = ["Tell us about it.", "Where would you start?", "Walk us through it.", "What's the story there?", "What did you find?"];

    /// <summary>Tells the sections as questions and answers.</summary>
    public static void Tell(Dialogue dialogue, List<ArcSection> sections, IReadOnlyList<ResearchNote> notes, HostLines lines)
    {
        string guest = dialogue.Hosts[^1];
        List<string> interviewers = dialogue.Hosts.Count > 1 ? dialogue.Hosts.SkipLast(1).ToList() : [guest];
        int asked = 0, opened = 0;
        string? Ask() => asked < _questions.Length ? _questions[asked++] : null;
        string Interviewer() => interviewers.OrderBy(dialogue.Words).First();

        foreach (ArcSection section in sections)
        {
            string opener = section.Transition.TrimEnd().EndsWith('?') ? "" : " " + (opened < _openers.Length ? _openers[opened++] : Ask() ?? "");
            dialogue.Add(Interviewer(), (section.Transition + opener).TrimEnd(), chapter: section.Chapter);
            string ack = lines.Answer() is string a ? a + " " : "";
            dialogue.Add(guest, ack + notes[section.Notes[0]].Text, [section.Notes[0]]);
            for (int j = 1; j < section.Notes.Count; j += 2)
            {
                bool answered = j + 1 < section.Notes.Count;
                string? question = answered ? Ask() : null;
                string lead = lines.Reaction() is string r ? r + " " : "";
                dialogue.Add(Interviewer(), lead + notes[section.Notes[j]].Text + (question is null ? "" : " " + question), [section.Notes[j]]);
                if (answered)
                {
                    dialogue.Add(guest, notes[section.Notes[j + 1]].Text, [section.Notes[j + 1]]);
                }
            }
        }
    }
}
