namespace PodcastFactory.Core.Audio;

/// <summary>One segment to stitch; opened lazily so only one segment is open at a time.</summary>
/// <param name="Name">Name used in error messages, e.g. the segment's artifact name.</param>
/// <param name="Open">Opens the segment for reading; may be called twice when the output is not seekable.</param>
/// <param name="PauseAfterMs">Silence to insert after the segment.</param>
public sealed record StitchInput(string Name, Func<CancellationToken, Task<Stream>> Open, int PauseAfterMs = 0);
