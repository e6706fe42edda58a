namespace PodcastFactory.Core.Models;

/// <summary>One researched claim with a pointer back to where it came from.</summary>
/// <param name="Text">The claim, as a sentence.</param>
/// <param name="Source">Source name (e.g. "notes.md"), or null when the note is not a sourced claim.</param>
/// <param name="Locator">Where in the source (e.g. "sentence 12" or a URL fragment).</param>
/// <param name="Score">Relevance score assigned by the research agent (higher is more relevant).</param>
/// <param name="Angle">The research angle that found the note (kept through the merge, so a script can follow the angles), or null.</param>
/// <param name="Web">For notes from web research: URL, title, retrieval time and a verbatim quote of the captured page.</param>
/// <param name="Passage">
/// The source's paragraph around the note, verbatim and bounded: what the writer reads for context and what the
/// fact-check holds a claim against (a paraphrase of the passage is supported, not only a copy of the note).
/// </param>
/// <param name="Section">The heading of the source section the passage is in (the source's own structure: the offline
/// script follows it), or null.</param>
public sealed record ResearchNote(string Text, string? Source, string? Locator, double Score, string? Angle = null, WebCitation? Web = null, string? Passage = null,
    string? Section = null);

/// <summary>The notes for one research angle, or the merged notes for the episode.</summary>
/// <param name="Topic">The episode topic.</param>
/// <param name="Angle">The angle explored ("merged" for the merged notes).</param>
/// <param name="Summary">A short human-readable summary; says plainly when there were no sources.</param>
/// <param name="Notes">The claims, most relevant first.</param>
/// <param name="HasSources">False when no sources were supplied: nothing may be presented as a sourced fact.</param>
/// <param name="Problems">Web research that was dropped (a failed query, a refused page) with the reason.</param>
/// <param name="Earlier">Series memory on the merged notes: the show's earlier episodes (number, title, summary, key points,
/// links; claim hashes left out), so the writer can refer back and the show notes can link them; null outside a show.</param>
public sealed record ResearchNotes(string Topic, string Angle, string Summary, IReadOnlyList<ResearchNote> Notes, bool HasSources, IReadOnlyList<string>? Problems = null,
    IReadOnlyList<BibleEpisode>? Earlier = null);

/// <summary>A source document as the research agent sees it.</summary>
/// <param name="Name">Display name used in source pointers.</param>
/// <param name="Text">Full text.</param>
public sealed record SourceDocument(string Name, string Text);
