using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Audio;

/// <summary>One piece of the episode sent to the speech provider in a single call.</summary>
/// <param name="Index">0-based position in the episode (also the segment artifact number).</param>
/// <param name="Speaker">The host who speaks it.</param>
/// <param name="Voice">The host's voice identifier for the speech provider.</param>
/// <param name="Text">What is spoken, as the script writes it (with its <c>[pause]</c> and <c>*emphasis*</c> marks); never longer than the plan's character limit.</param>
/// <param name="PauseAfterMs">Silence inserted after this segment when the episode is stitched.</param>
/// <param name="Turn">0-based index of the script turn the segment belongs to (transcript and chapters use it); -1 when unknown.</param>
/// <param name="Speech">The content-addressed artifact its speech is stored as (<c>{id}/speech/{hash}.ext</c>), when planned with a language.</param>
public sealed record AudioSegment(int Index, string Speaker, string Voice, string Text, int PauseAfterMs, int Turn = -1, string? Speech = null)
{
    /// <summary>What is said after the lexicon, marks kept (<see cref="Models.Speech.SpokenText.Directed"/>); null in plans from before it existed.</summary>
    public string? SpokenText { get; init; }

    /// <summary>The host's style (direction the provider renders in its own form), or null.</summary>
    public string? Style { get; init; }

    /// <summary>The lexicon entries that change this segment, or null when none does: only these are in its speech key.</summary>
    public IReadOnlyList<LexiconEntry>? Lexicon { get; init; }
}
