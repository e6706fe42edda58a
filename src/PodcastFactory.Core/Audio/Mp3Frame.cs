namespace PodcastFactory.Core.Audio;

/// <summary>One MPEG audio frame as read by <see cref="Mp3FrameReader"/>.</summary>
/// <param name="Header">The parsed frame header.</param>
/// <param name="Data">The whole frame, header included; valid only until the next read from the same reader.</param>
public readonly record struct Mp3Frame(Mp3FrameHeader Header, ReadOnlyMemory<byte> Data);
