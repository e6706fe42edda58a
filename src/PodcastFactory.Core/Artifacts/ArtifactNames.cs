using System.Globalization;

namespace PodcastFactory.Core.Artifacts;

/// <summary>
/// Deterministic artifact names per episode: the same episode and step always map to the same name, so a
/// retried or replayed activity overwrites its output instead of creating a second one.
/// </summary>
public static class ArtifactNames
{
    /// <summary>The start record: which request owns the episode id (created once, atomically; see StartGate).</summary>
    public static string StartRecord(string episodeId) => $"{episodeId}/request.json";

    /// <summary>Supplied source n (0-based), as captured when the episode started.</summary>
    public static string Source(string episodeId, int index) => $"{episodeId}/sources/source-{index + 1}.md";

    /// <summary>
    /// The show's bible as this episode read it when its research began (series memory): taken once, so a retried or
    /// replayed step, and every later stage, see the same earlier episodes however the bible has grown since.
    /// </summary>
    public static string SeriesSnapshot(string episodeId) => $"{episodeId}/series/earlier.json";

    /// <summary>What this episode added to its show's bible (its number, claims and links), written with the append.</summary>
    public static string SeriesEntry(string episodeId) => $"{episodeId}/series/entry.json";

    /// <summary>A show's bible, at the store's root beside the feed (not inside an episode's folder).</summary>
    public static string ShowBible(string showId) => $"_shows/{showId}/bible.json";

    /// <summary>Notes for research angle n (0-based).</summary>
    public static string ResearchAngle(string episodeId, int index) => $"{episodeId}/research/angle-{index + 1}.md";

    /// <summary>Structured notes for research angle n (0-based).</summary>
    public static string ResearchAngleJson(string episodeId, int index) => $"{episodeId}/research/angle-{index + 1}.json";

    /// <summary>Merged research notes (Markdown).</summary>
    public static string Research(string episodeId) => $"{episodeId}/research.md";

    /// <summary>Merged research notes (structured).</summary>
    public static string ResearchJson(string episodeId) => $"{episodeId}/research.json";

    /// <summary>The current script (structured).</summary>
    public static string Script(string episodeId) => $"{episodeId}/script.json";

    /// <summary>The current script (readable).</summary>
    public static string ScriptMarkdown(string episodeId) => $"{episodeId}/script.md";

    /// <summary>Script revision n as reviewed (0 = first draft).</summary>
    public static string ScriptRevision(string episodeId, int revision) => $"{episodeId}/scripts/script-{revision}.json";

    /// <summary>Review of script revision n (0-based revision, 1-based file number).</summary>
    public static string Review(string episodeId, int revision) => $"{episodeId}/reviews/review-{revision + 1}.json";

    /// <summary>The producer's edit revision n of the script (1..; 0 is the pipeline's script, kept here on the first edit).</summary>
    public static string ScriptEdit(string episodeId, int revision) =>
        string.Create(CultureInfo.InvariantCulture, $"{episodeId}/edits/script-r{revision}.json");

    /// <summary>The folder of the producer's script edits.</summary>
    public static string EditsFolder(string episodeId) => $"{episodeId}/edits/";

    /// <summary>
    /// The claim of the re-voice of edit revision n: created once, so one caller starts that re-voice; generation g &gt; 0
    /// takes over a claim whose owner died before starting it.
    /// </summary>
    public static string RevoiceClaim(string episodeId, int revision, int generation = 0) => generation == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{episodeId}/edits/revoice-r{revision}.json")
        : string.Create(CultureInfo.InvariantCulture, $"{episodeId}/edits/revoice-r{revision}-g{generation}.json");

    /// <summary>The social post.</summary>
    public static string Social(string episodeId) => $"{episodeId}/social.md";

    /// <summary>The audio segment plan (texts and voices per segment).</summary>
    public static string SegmentPlan(string episodeId) => $"{episodeId}/audio/segments.json";

    /// <summary>The stitched episode audio.</summary>
    public static string EpisodeAudio(string episodeId, string extension) => $"{episodeId}/episode.{extension}";

    /// <summary>The published master (always MP3).</summary>
    public static string Master(string episodeId) => $"{episodeId}/episode.mp3";

    /// <summary>Where every segment sits in the master (written by the publish stage).</summary>
    public static string Timeline(string episodeId) => $"{episodeId}/audio/timeline.json";

    /// <summary>The transcript, <c>vtt</c> or <c>srt</c>.</summary>
    public static string Transcript(string episodeId, string extension) => $"{episodeId}/transcript.{extension}";

    /// <summary>Podcasting 2.0 chapters.</summary>
    public static string Chapters(string episodeId) => $"{episodeId}/chapters.json";

    /// <summary>Show notes, <c>md</c> or <c>html</c>.</summary>
    public static string ShowNotes(string episodeId, string extension) => $"{episodeId}/show-notes.{extension}";

    /// <summary>What the publish stage measured and wrote.</summary>
    public static string Publication(string episodeId) => $"{episodeId}/publish.json";

    /// <summary>Final evaluation.</summary>
    public static string Quality(string episodeId) => $"{episodeId}/quality.json";

    /// <summary>The cost journal of the episode: one file per attempt of each paid step (see CostJournal).</summary>
    public static string Journal(string episodeId) => $"{episodeId}/ledger/";

    /// <summary>The journals of one paid step, whose output is <paramref name="step"/>, under the orchestration <paramref name="run"/>.</summary>
    public static string StepJournal(string episodeId, string run, string step) =>
        $"{Journal(episodeId)}{run}/{(step.StartsWith(episodeId + "/", StringComparison.Ordinal) ? step[(episodeId.Length + 1)..] : step)}/";

    /// <summary>The journal of one attempt of a paid step.</summary>
    public static string StepJournalAttempt(string episodeId, string run, string step, string attempt) => $"{StepJournal(episodeId, run, step)}{attempt}.json";

    /// <summary>The journal slot of segment n (0-based) of a plan: segments with the same speech share the file, not the journal.</summary>
    public static string SegmentSlot(int index) => string.Create(CultureInfo.InvariantCulture, $"segment-{index + 1:000}");

    /// <summary>The manifest.</summary>
    public static string Manifest(string episodeId) => $"{episodeId}/manifest.json";

    /// <summary>True when <paramref name="name"/> is a safe artifact name inside <paramref name="episodeId"/>.</summary>
    public static bool BelongsTo(string episodeId, string name) =>
        name.StartsWith(episodeId + "/", StringComparison.Ordinal) && IsSafe(name);

    /// <summary>True when a name has no traversal, rooted or empty segments and only safe characters.</summary>
    public static bool IsSafe(string name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 512 && name[0] != '/'
        && name.Split('/').All(p => p.Length > 0 && p != "." && p != "..")
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.');
}
