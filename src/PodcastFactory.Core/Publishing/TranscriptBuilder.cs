using PodcastFactory.Core.Models.Speech;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;

namespace PodcastFactory.Core.Publishing;

/// <summary>One transcript cue: who speaks what, and when (seconds from the start of the episode).</summary>
public sealed record TranscriptCue(double Start, double End, string Speaker, string Text);

/// <summary>
/// Builds transcript cues from the segment plan and the master's timeline. A segment's cue spans its audible speech
/// (the master measured where sound starts and ends), so cue times come from the audio itself, not from an estimate.
/// A segment with several sentences is split into one cue per sentence: the speech span is shared out by character
/// count, and each boundary moves to the silence in the audio nearest to it (sentence breaks are where speakers
/// pause), so boundaries land within the pause between the sentences.
/// </summary>
public static class TranscriptBuilder
{
    /// <summary>Builds the cues, in order.</summary>
    /// <exception cref="ArgumentException">The timeline does not match the plan.</exception>
    public static IReadOnlyList<TranscriptCue> Build(SegmentPlan plan, EpisodeTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(timeline);
        if (plan.Segments.Count != timeline.Segments.Count)
        {
            throw new ArgumentException($"The timeline has {timeline.Segments.Count} segments but the plan has {plan.Segments.Count}.", nameof(timeline));
        }

        var cues = new List<TranscriptCue>();
        for (int i = 0; i < plan.Segments.Count; i++)
        {
            AudioSegment segment = plan.Segments[i];
            TimelineSegment place = timeline.Segments[i];
            List<string> sentences = TextSplitter.Sentences(TextSplitter.NormalizeWhitespace(SpeechMarks.Strip(segment.Text))).Where(s => s.Length > 0).ToList();
            if (sentences.Count == 0)
            {
                continue;
            }

            double[] bounds = Boundaries(sentences, place);
            for (int s = 0; s < sentences.Count; s++)
            {
                cues.Add(new TranscriptCue(bounds[2 * s], Math.Max(bounds[(2 * s) + 1], bounds[2 * s] + 0.001), segment.Speaker, sentences[s]));
            }
        }

        return cues;
    }

    // Returns start/end pairs for each sentence inside the segment's speech span.
    static double[] Boundaries(List<string> sentences, TimelineSegment place)
    {
        double start = place.SpeechStart, end = place.SpeechEnd;
        double[] bounds = new double[sentences.Count * 2];
        bounds[0] = start;
        bounds[^1] = end;
        double total = sentences.Sum(s => s.Length);
        double characters = 0;
        var gaps = place.Gaps.ToList();
        for (int s = 1; s < sentences.Count; s++)
        {
            characters += sentences[s - 1].Length;
            double estimate = start + ((end - start) * characters / total);
            TimelineGap? gap = gaps.Where(g => g.Start > bounds[(2 * s) - 2]).MinBy(g => Math.Abs(((g.Start + g.End) / 2) - estimate));
            if (gap is not null && Math.Abs(((gap.Start + gap.End) / 2) - estimate) < 2.0)
            {
                bounds[(2 * s) - 1] = gap.Start;
                bounds[2 * s] = gap.End;
                gaps.Remove(gap);
            }
            else
            {
                bounds[(2 * s) - 1] = estimate;
                bounds[2 * s] = estimate;
            }
        }

        return bounds;
    }
}
