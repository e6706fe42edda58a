namespace PodcastFactory.Core.Agents.Offline;

/// <summary>One sentence of a source document, with the pointer that lets a listener find it again.</summary>
/// <param name="Text">The sentence, Markdown syntax removed.</param>
/// <param name="Source">The source document's name.</param>
/// <param name="Locator">Where in the source, e.g. "paragraph 3, sentence 2" or "sentence 12".</param>
/// <param name="DocumentIndex">0-based index of the source document.</param>
/// <param name="Position">0-based position of the sentence within its document.</param>
/// <param name="RelativePosition">Position scaled to 0..1 within the document (0 = first sentence).</param>
internal sealed record SourceSentence(string Text, string Source, string Locator, int DocumentIndex, int Position, double RelativePosition);
