using PodcastFactory.Core.Models;
using System.Text.Json.Serialization;

namespace PodcastFactory.Core.Audio;

/// <summary>
/// The episode's audio segments and the format they are synthesised in; stored as an artifact so the
/// per-segment activities receive only an index, never the text itself.
/// </summary>
/// <param name="Segments">The segments, in speaking order.</param>
/// <param name="Format">The audio format every segment is produced in.</param>
public sealed record SegmentPlan(
    IReadOnlyList<AudioSegment> Segments,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AudioFormat>))] AudioFormat Format);
