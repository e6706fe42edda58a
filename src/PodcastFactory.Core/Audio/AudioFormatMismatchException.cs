using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Audio;

/// <summary>
/// Thrown when a segment's audio format differs from the first segment's; retrying will not help, the segment
/// has to be synthesised again with the episode's provider settings.
/// </summary>
public sealed class AudioFormatMismatchException(int segmentIndex, string segmentName, string expected, string actual)
    : NonRetryableException(
        $"Segment {segmentIndex} ('{segmentName}') is {actual} but segment 0 is {expected}; all segments of an episode must share one format.")
{
    /// <summary>0-based index of the offending segment.</summary>
    public int SegmentIndex { get; } = segmentIndex;

    /// <summary>Name of the offending segment.</summary>
    public string SegmentName { get; } = segmentName;

    /// <summary>The episode's format (from segment 0).</summary>
    public string Expected { get; } = expected;

    /// <summary>The offending segment's format.</summary>
    public string Actual { get; } = actual;
}
