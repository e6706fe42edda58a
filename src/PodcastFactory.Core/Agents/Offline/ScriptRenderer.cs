using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Renders a plan (the research note indexes to present) as a two-host dialogue: intro, body, outro.
/// Speakers strictly alternate; each body turn reacts to the previous one and presents one note verbatim, citing
/// its index in <see cref="ScriptTurn.Claims"/>; after every third point the other host asks a follow-up instead.
/// To keep the hosts balanced, the presenter takes the longer of the next two planned notes when behind in words and
/// the shorter when ahead. Turns longer than the limit are split; parts that do not state the note lose the claim.
/// </summary>
internal static class ScriptRenderer
{
    const int PointsPerQuestion = 3;

    /// <summary>The turns for <paramref name="plan"/>, each within <see cref="ScriptBrief.MaxTurnCharacters"/>.</summary>
    public static List<ScriptTurn> Render(ScriptBrief brief, ResearchNotes research, IEnumerable<int> plan)
    {
        (string a, string b) = HostNames(brief);
        IReadOnlyList<ResearchNote> notes = research.Notes;
        List<int> remaining = plan.Where(i => i >= 0 && i < notes.Count).Distinct().Order().ToList();

        var turns = new List<ScriptTurn>
        {
            new(a, DialogueTemplates.Welcome(a, b, brief.Topic)),
            new(b, DialogueTemplates.IntroReply(a, research.HasSources, remaining.Count > 0)),
        };

        if (remaining.Count == 0)
        {
            turns.Add(new(a, DialogueTemplates.NothingToPresent(brief.Topic)));
            turns.Add(new(b, DialogueTemplates.SignOff(a)));
            return Finish(turns, notes, brief.MaxTurnCharacters);
        }

        var words = new Dictionary<string, int> { [a] = Words(turns, a), [b] = Words(turns, b) };
        int speaker = 0, presented = 0;
        bool asked = false;
        while (remaining.Count > 0)
        {
            string current = speaker == 0 ? a : b, other = speaker == 0 ? b : a;
            string text;
            IReadOnlyList<int>? claims = null;
            if (presented > 0 && presented % PointsPerQuestion == 0 && !asked)
            {
                text = DialogueTemplates.Question(presented);
                asked = true;
            }
            else
            {
                int index = PickNote(remaining, notes, behind: words[current] < words[other]);
                remaining.Remove(index);
                string lead = presented == 0 ? DialogueTemplates.FirstLead
                    : asked ? DialogueTemplates.Answer(presented) : DialogueTemplates.ReactAndLead(presented);
                text = $"{lead} {notes[index].Text}";
                claims = [index];
                presented++;
                asked = false;
            }

            turns.Add(new ScriptTurn(current, text, claims));
            words[current] += TextStats.CountWords(text);
            speaker = 1 - speaker;
        }

        string closer = speaker == 0 ? a : b, last = speaker == 0 ? b : a;
        turns.Add(new(closer, DialogueTemplates.WrapUp(presented, brief.Topic, last)));
        turns.Add(new(last, DialogueTemplates.SignOff(closer)));
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

    static int PickNote(List<int> remaining, IReadOnlyList<ResearchNote> notes, bool behind)
    {
        if (remaining.Count == 1)
        {
            return remaining[0];
        }

        int first = remaining[0], second = remaining[1];
        int firstWords = TextStats.CountWords(notes[first].Text), secondWords = TextStats.CountWords(notes[second].Text);
        return behind ? (secondWords > firstWords ? second : first) : (secondWords < firstWords ? second : first);
    }

    static int Words(IEnumerable<ScriptTurn> turns, string speaker) =>
        turns.Where(t => t.Speaker == speaker).Sum(t => TextStats.CountWords(t.Text));

    static List<ScriptTurn> Finish(List<ScriptTurn> turns, IReadOnlyList<ResearchNote> notes, int maxCharacters) =>
        turns.SelectMany(t => TurnSplitter.Split(t, maxCharacters)
                .Select(part => part.Claims is null || ReferenceEquals(part, t) || GroundingRules.IsTraceable(part, notes)
                    ? part
                    : part with { Claims = null }))
            .ToList();
}
