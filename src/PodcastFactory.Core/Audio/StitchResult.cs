namespace PodcastFactory.Core.Audio;

/// <summary>What a stitch produced.</summary>
/// <param name="Format">File extension of the format: "wav" or "mp3".</param>
/// <param name="TotalBytes">Bytes written to the output, header included.</param>
/// <param name="Duration">Playing time, pauses included.</param>
/// <param name="SegmentCount">Number of segments stitched.</param>
/// <param name="FrameCount">MPEG audio frames for MP3 (inserted silent frames included); PCM sample frames for WAV.</param>
public sealed record StitchResult(string Format, long TotalBytes, TimeSpan Duration, int SegmentCount, long FrameCount);
