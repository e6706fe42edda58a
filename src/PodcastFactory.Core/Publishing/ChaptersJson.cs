using System.Text.Json;
using System.Text.Json.Serialization;

namespace PodcastFactory.Core.Publishing;

/// <summary>Writes chapters in the Podcasting 2.0 JSON chapters format (version 1.2.0; <c>application/json+chapters</c>).</summary>
public static class ChaptersJson
{
    /// <summary>The format version written.</summary>
    public const string Version = "1.2.0";

    /// <summary>The MIME type the feed declares for the file.</summary>
    public const string ContentType = "application/json+chapters";

    // Relaxed escaping: the file is served as JSON, never embedded in HTML, so apostrophes and accents stay readable.
    static readonly JsonSerializerOptions _options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes <paramref name="chapters"/> with start times in seconds (millisecond precision).</summary>
    public static string Write(IReadOnlyList<EpisodeChapter> chapters, string? title)
    {
        ArgumentNullException.ThrowIfNull(chapters);
        var document = new Document(
            Version,
            title,
            chapters.Select(c => new Entry(Math.Round(c.Start, 3), c.Title, Math.Round(c.End, 3))).ToList());
        return JsonSerializer.Serialize(document, _options);
    }

    sealed record Document(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("chapters")] IReadOnlyList<Entry> Chapters);

    sealed record Entry(
        [property: JsonPropertyName("startTime")] double StartTime,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("endTime")] double EndTime);
}
