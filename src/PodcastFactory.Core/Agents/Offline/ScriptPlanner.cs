using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Chooses which research notes a script presents so that its spoken length gets as close to the target as the
/// notes allow: adds unused notes in rank order while that brings the length closer, and drops the lowest-ranked
/// unprotected notes while that does. It never pads: when the notes run out, the script is as long as they make it.
/// </summary>
internal static class ScriptPlanner
{
    /// <summary>At most this many top notes count as the episode's key points.</summary>
    public const int MaxKeyPoints = 5;

    /// <summary>Key points a script is expected to cover per target minute (a one-minute script has room for two).</summary>
    public const int KeyPointsPerMinute = 2;

    /// <summary>
    /// The indexes of the top key points: the first min(5, 2 x target minutes) notes that can stand alone as a claim.
    /// Coverage requires them, and shortening never drops them.
    /// </summary>
    public static IEnumerable<int> TopKeyPoints(ScriptBrief brief, ResearchNotes research) =>
        Usable(research).Take(Math.Max(0, Math.Min(MaxKeyPoints, KeyPointsPerMinute * brief.TargetMinutes)));

    /// <summary>
    /// Indexes of the notes that can stand alone as a claim (see <see cref="ClaimShape"/>), in rank order; when the notes
    /// come from headed sections of their sources, in turns across the sections in proportion to how many notes each
    /// has (the next note comes from the section least represented so far), so every section is heard at any length.
    /// </summary>
    public static IEnumerable<int> Usable(ResearchNotes research)
    {
        List<int> usable = Enumerable.Range(0, research.Notes.Count).Where(i => ClaimShape.Problem(research.Notes[i].Text) is null).ToList();
        List<Queue<int>> sections = usable.GroupBy(i => research.Notes[i].Section ?? "", StringComparer.Ordinal)
            .Select(g => new Queue<int>(g))
            .ToList();
        if (sections.Count < 2)
        {
            return usable;
        }

        var sizes = sections.Select(q => q.Count).ToList();
        var taken = new int[sections.Count];
        var order = new List<int>(usable.Count);
        while (order.Count < usable.Count)
        {
            // Least share taken first; ties go to the section whose next note ranks higher.
            int next = Enumerable.Range(0, sections.Count).Where(k => sections[k].Count > 0)
                .OrderBy(k => (double)taken[k] / sizes[k]).ThenBy(k => sections[k].Peek())
                .First();
            order.Add(sections[next].Dequeue());
            taken[next]++;
        }

        return order;
    }

    /// <summary>
    /// The notes a format may add, in the order it adds them: a brief (two minutes at most) takes the best-ranked notes
    /// until its short target is met, which is the key points and little else; a critique and a debate
    /// take the source's contrasts (<see cref="NoteStance"/>) in turns with the rest, so both sides are heard at any
    /// length; every other format takes <see cref="Usable"/> as it is.
    /// </summary>
    public static IEnumerable<int> Candidates(ScriptBrief brief, ResearchNotes research)
    {
        string format = EpisodeFormats.Of(brief.Format).Name;
        List<int> usable = Usable(research).ToList();
        if (format is not (EpisodeFormats.Critique or EpisodeFormats.Debate))
        {
            return usable;
        }

        var against = new Queue<int>(usable.Where(i => NoteStance.Of(research.Notes[i].Text) == Stance.Against));
        var rest = new Queue<int>(usable.Where(i => NoteStance.Of(research.Notes[i].Text) != Stance.Against));
        var order = new List<int>(usable.Count);
        while (against.Count > 0 || rest.Count > 0)
        {
            if (rest.Count > 0)
            {
                order.Add(rest.Dequeue());
            }

            if (against.Count > 0)
            {
                order.Add(against.Dequeue());
            }
        }

        return order;
    }

    /// <summary>Adjusts <paramref name="initial"/> towards the target word count of <paramref name="brief"/>.</summary>
    public static SortedSet<int> Fit(ScriptBrief brief, ResearchNotes research, IEnumerable<int> initial)
    {
        int target = TextStats.TargetWords(brief.TargetMinutes);
        var plan = new SortedSet<int>(initial.Where(i => i >= 0 && i < research.Notes.Count));
        var protectedNotes = new HashSet<int>(TopKeyPoints(brief, research));
        int current = Words(brief, research, plan);

        foreach (int candidate in Candidates(brief, research).Where(i => !plan.Contains(i)).ToList())
        {
            int with = Words(brief, research, [.. plan, candidate]);
            if (with <= current)
            {
                // The recap picks its takeaways from the plan, so a short note can make the script shorter: skip it.
                continue;
            }

            if (Math.Abs(with - target) >= Math.Abs(current - target))
            {
                break;
            }

            plan.Add(candidate);
            current = with;
        }

        while (true)
        {
            int drop = plan.Reverse().FirstOrDefault(i => !protectedNotes.Contains(i), -1);
            if (drop < 0)
            {
                break;
            }

            int without = Words(brief, research, plan.Where(i => i != drop));
            if (Math.Abs(without - target) >= Math.Abs(current - target))
            {
                break;
            }

            plan.Remove(drop);
            current = without;
        }

        return plan;
    }

    static int Words(ScriptBrief brief, ResearchNotes research, IEnumerable<int> plan) =>
        ScriptRenderer.Render(brief, research, plan).Sum(t => TextStats.CountWords(t.Text));
}
