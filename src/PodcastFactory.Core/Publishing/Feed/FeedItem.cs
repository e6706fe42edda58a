namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>One episode in the feed.</summary>
/// <param name="Guid">Stable id (never changes for the episode, so apps do not list it twice).</param>
/// <param name="Title">Episode title.</param>
/// <param name="DescriptionHtml">Show notes as HTML.</param>
/// <param name="PublishedAt">Publication time (UTC).</param>
/// <param name="AudioUrl">Enclosure URL of <c>episode.mp3</c>.</param>
/// <param name="AudioBytes">Exact byte length of the MP3.</param>
/// <param name="DurationSeconds">Playing time, whole seconds.</param>
/// <param name="EpisodeNumber">Episode number in the show.</param>
/// <param name="TranscriptVttUrl">WebVTT transcript.</param>
/// <param name="TranscriptSrtUrl">SRT transcript.</param>
/// <param name="ChaptersUrl">Podcasting 2.0 chapters.</param>
/// <param name="Language">Episode language.</param>
public sealed record FeedItem(
    string Guid,
    string Title,
    string DescriptionHtml,
    DateTime PublishedAt,
    Uri AudioUrl,
    long AudioBytes,
    long DurationSeconds,
    int EpisodeNumber,
    Uri TranscriptVttUrl,
    Uri TranscriptSrtUrl,
    Uri ChaptersUrl,
    string Language);
