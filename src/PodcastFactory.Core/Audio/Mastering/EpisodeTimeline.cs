using System.Runtime.CompilerServices;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>Where one segment is in the mastered episode, in seconds from the start.</summary>
/// <param name="Index">Segment index in the plan.</param>
/// <param name="Start">Where the segment's audio starts.</param>
/// <param name="End">Where it ends (its pause follows).</param>
/// <param name="SpeechStart">The first audible sample (above -45 dBFS before mastering).</param>
/// <param name="SpeechEnd">Just after the last audible sample.</param>
/// <param name="Gaps">Silences of at least 150 ms inside the speech (start, end), at most 256; sentence breaks align to them.</param>
public sealed record TimelineSegment(int Index, double Start, double End, double SpeechStart, double SpeechEnd, IReadOnlyList<TimelineGap> Gaps);

/// <summary>A silence inside a segment's speech, in seconds from the episode's start.</summary>
public sealed record TimelineGap(double Start, double End);

/// <summary>The mastered episode's timeline: exact sample positions of every segment, as the master wrote them.</summary>
/// <param name="SampleRate">The episode's one sample rate.</param>
/// <param name="Duration">Total length, seconds.</param>
/// <param name="Segments">Segments in order.</param>
public sealed record EpisodeTimeline(int SampleRate, double Duration, IReadOnlyList<TimelineSegment> Segments);

/// <summary>Builds a segment's <see cref="TimelineSegment"/> while its samples stream past, in constant memory.</summary>
sealed class SegmentTracker(int index, long startSample, int sampleRate)
{
    const float AudibleThreshold = 0.0056f;
    const int MaxGaps = 256;
    readonly long _minGap = sampleRate * 15L / 100;
    readonly List<(long Start, long End)> _gaps = [];
    long _position;
    long _firstAudible = -1;
    long _lastAudible = -1;

    public long Length => _position;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<float> samples)
    {
        for (int i = 0; i < samples.Length; i++, _position++)
        {
            if (Math.Abs(samples[i]) <= AudibleThreshold)
            {
                continue;
            }

            if (_firstAudible < 0)
            {
                _firstAudible = _position;
            }
            else if (_position - _lastAudible > _minGap && _gaps.Count < MaxGaps)
            {
                _gaps.Add((_lastAudible + 1, _position));
            }

            _lastAudible = _position;
        }
    }

    public TimelineSegment Finish()
    {
        long first = _firstAudible < 0 ? 0 : _firstAudible;
        long last = _lastAudible < 0 ? _position : _lastAudible + 1;
        return new TimelineSegment(
            index,
            Seconds(0),
            Seconds(_position),
            Seconds(first),
            Seconds(last),
            _gaps.Select(g => new TimelineGap(Seconds(g.Start), Seconds(g.End))).ToList());
    }

    double Seconds(long offset) => (double)(startSample + offset) / sampleRate;
}
