using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Publishing;

/// <summary>A chapter of the published episode (seconds from the start).</summary>
public sealed record EpisodeChapter(double Start, double End, string Title);

/// <summary>
/// Chapters from the script's sections: a chapter starts at the first audible sound of each turn whose
/// <see cref="ScriptTurn.Chapter"/> is set, titled with it. When no turn names a chapter (older scripts, or a model
/// that ignored the field), the episode is cut every <c>turnsPerChapter</c> turns and each chapter is titled with the
/// opening words of its first fact-stating turn, else of its first substantial statement (the first chapter takes
/// the episode's title). The first chapter always starts at 0 (titled with the episode's title when the
/// script's first chapter starts later). At most <see cref="MaxChapters"/> chapters.
/// </summary>
public static class ChapterBuilder
{
    /// <summary>The most chapters produced (the ID3 table of contents holds 255).</summary>
    public const int MaxChapters = 255;

    const int MaxTitleLength = 80;
    const int FallbackTitleWords = 8;
    const int MinTitleWords = 6;

    /// <summary>Builds the chapters, in order, covering the whole episode.</summary>
    public static IReadOnlyList<EpisodeChapter> Build(Script script, SegmentPlan plan, EpisodeTimeline timeline, int turnsPerChapter)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfLessThan(turnsPerChapter, 1);
        var turnStarts = new Dictionary<int, double>();
        for (int i = 0; i < plan.Segments.Count && i < timeline.Segments.Count; i++)
        {
            turnStarts.TryAdd(plan.Segments[i].Turn, i == 0 ? 0 : timeline.Segments[i].SpeechStart);
        }

        bool titled = script.Turns.Any(t => !string.IsNullOrWhiteSpace(t.Chapter));
        var starts = new List<(double Start, string Title)>();
        for (int t = 0; t < script.Turns.Count; t++)
        {
            string? title = titled ? script.Turns[t].Chapter
                : t == 0 ? script.Title
                : t % turnsPerChapter == 0 ? FallbackTitle(script.Turns.Skip(t).Take(turnsPerChapter)) : null;
            if (!string.IsNullOrWhiteSpace(title) && turnStarts.TryGetValue(t, out double start))
            {
                starts.Add((start, Clean(title)));
            }
        }

        if (starts.Count == 0 || starts[0].Start > 0)
        {
            starts.Insert(0, (0, Clean(script.Title)));
        }

        starts = starts.Take(MaxChapters).ToList();
        return starts.Select((c, i) => new EpisodeChapter(c.Start, i + 1 < starts.Count ? starts[i + 1].Start : timeline.Duration, c.Title)).ToList();
    }

    // The first sentence of the chunk's first fact-stating turn (one with claims: it carries the section's content),
    // else the first statement of at least MinTitleWords words (short replies like "Good point" say nothing about the
    // section), cut to a few words.
    static string FallbackTitle(IEnumerable<ScriptTurn> turns)
    {
        List<ScriptTurn> chunk = turns.ToList();
        IEnumerable<string> Sentences(IEnumerable<ScriptTurn> t) => t.SelectMany(x => TextSplitter.Sentences(TextSplitter.NormalizeWhitespace(x.Text)));
        List<string> sentences = Sentences(chunk).ToList();
        string sentence = Sentences(chunk.Where(t => t.Claims is { Count: > 0 })).FirstOrDefault(s => !s.EndsWith('?'))
            ?? sentences.FirstOrDefault(s => !s.EndsWith('?') && s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinTitleWords)
            ?? sentences.FirstOrDefault() ?? "";
        string[] words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string title = string.Join(' ', words.Take(FallbackTitleWords)).TrimEnd('.', ',', ';', ':', '!', '?');
        return words.Length > FallbackTitleWords ? title + "…" : title;
    }

    static string Clean(string title)
    {
        string clean = TextSplitter.NormalizeWhitespace(title).Trim();
        return clean.Length <= MaxTitleLength ? clean : clean[..(MaxTitleLength - 1)].TrimEnd() + "…";
    }
}
