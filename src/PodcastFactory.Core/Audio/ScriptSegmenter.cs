using PodcastFactory.Core.Models;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Audio;

/// <summary>
/// Splits a <see cref="Script"/> into <see cref="AudioSegment"/>s the speech provider accepts in one call.
/// Segments follow turn and sentence boundaries: a turn yields one or more segments and a segment never holds
/// two speakers; consecutive sentences of a turn are merged while they fit the limit; a sentence longer than
/// the limit is cut at clause breaks, then at word breaks. Each segment carries its host's style, its text after the
/// pronunciation lexicon (<c>spokenText</c>) and the lexicon entries that changed it.
/// </summary>
public sealed class ScriptSegmenter
{
    /// <summary>Silence after the last segment of a turn, in milliseconds (2.5 times before a new chapter, 1.3 times after a question, 0.6 times after a quick reaction).</summary>
    public const int DefaultTurnPauseMs = 350;

    /// <summary>Silence between two segments of the same turn, in milliseconds.</summary>
    public const int DefaultSentencePauseMs = 120;

    /// <summary>The smallest character limit accepted.</summary>
    public const int MinMaxCharacters = 16;

    readonly int _maxCharacters;
    readonly int _turnPauseMs;
    readonly int _sentencePauseMs;

    /// <summary>Creates a segmenter.</summary>
    /// <param name="maxCharacters">Largest segment, usually the speech provider's input limit.</param>
    /// <param name="turnPauseMs">Silence after a turn's last segment.</param>
    /// <param name="sentencePauseMs">Silence between segments of one turn.</param>
    public ScriptSegmenter(int maxCharacters, int turnPauseMs = DefaultTurnPauseMs, int sentencePauseMs = DefaultSentencePauseMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, MinMaxCharacters);
        ArgumentOutOfRangeException.ThrowIfNegative(turnPauseMs);
        ArgumentOutOfRangeException.ThrowIfNegative(sentencePauseMs);
        _maxCharacters = maxCharacters;
        _turnPauseMs = turnPauseMs;
        _sentencePauseMs = sentencePauseMs;
    }

    /// <summary>The character limit every segment respects.</summary>
    public int MaxCharacters => _maxCharacters;

    /// <summary>Builds the segment plan for <paramref name="script"/> in the provider's <paramref name="format"/>.</summary>
    public SegmentPlan Plan(Script script, IReadOnlyList<HostVoice> hosts, AudioFormat format, IReadOnlyList<LexiconEntry>? lexicon = null) =>
        new(Split(script, hosts, lexicon), format);

    /// <summary>
    /// Splits <paramref name="script"/> into segments with the voice of each turn's host (matched by name,
    /// ignoring case). The last segment of the episode has no pause after it.
    /// </summary>
    /// <exception cref="ArgumentException">A turn's speaker is not one of <paramref name="hosts"/>.</exception>
    public IReadOnlyList<AudioSegment> Split(Script script, IReadOnlyList<HostVoice> hosts, IReadOnlyList<LexiconEntry>? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(hosts);
        var pronunciations = new PronunciationLexicon(lexicon);
        Dictionary<string, HostVoice> voices = hosts
            .GroupBy(h => h.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var segments = new List<AudioSegment>();
        for (int turnIndex = 0; turnIndex < script.Turns.Count; turnIndex++)
        {
            ScriptTurn turn = script.Turns[turnIndex];
            string speaker = turn.Speaker?.Trim() ?? "";
            if (!voices.TryGetValue(speaker, out HostVoice? host))
            {
                throw new ArgumentException(
                    $"Turn {turnIndex + 1} is spoken by '{turn.Speaker}', who is not one of the hosts ({string.Join(", ", hosts.Select(h => h.Name))}).",
                    nameof(script));
            }

            List<string> pieces = Pieces(turn.Text ?? "");
            for (int i = 0; i < pieces.Count; i++)
            {
                int pause = i == pieces.Count - 1 ? TurnPause(turn, turnIndex + 1 < script.Turns.Count ? script.Turns[turnIndex + 1] : null) : _sentencePauseMs;
                IReadOnlyList<LexiconEntry> used = SpokenText.EntriesUsed(pieces[i], pronunciations);
                segments.Add(new AudioSegment(segments.Count, host.Name, host.Voice, pieces[i], pause, turnIndex)
                {
                    SpokenText = SpokenText.Directed(SpokenText.Parse(pieces[i], pronunciations)),
                    Style = string.IsNullOrWhiteSpace(host.Style) ? null : host.Style.Trim(),
                    Lexicon = used.Count == 0 ? null : used,
                });
            }
        }

        if (segments.Count > 0)
        {
            segments[^1] = segments[^1] with { PauseAfterMs = 0 };
        }

        return segments;
    }

    /// <summary>Words of a quick reaction ("Good question.", "Right."), which the next host picks up sooner.</summary>
    public const int QuickTurnWords = 5;

    // Pauses follow the conversation: a breath before a new chapter, a beat after a question, a quick hand-over after
    // a short reaction; otherwise the turn pause.
    int TurnPause(ScriptTurn turn, ScriptTurn? next)
    {
        if (!string.IsNullOrWhiteSpace(next?.Chapter))
        {
            return _turnPauseMs * 5 / 2;
        }

        string text = SpeechMarks.Strip(turn.Text ?? "").TrimEnd();
        if (text.EndsWith('?'))
        {
            return _turnPauseMs * 13 / 10;
        }

        return TextStats.CountWords(text) <= QuickTurnWords ? _turnPauseMs * 3 / 5 : _turnPauseMs;
    }

    List<string> Pieces(string text)
    {
        var pieces = new List<string>();
        string current = "";
        foreach (string sentence in TextSplitter.Sentences(TextSplitter.NormalizeWhitespace(text)))
        {
            foreach (string part in TextSplitter.SplitLong(sentence, _maxCharacters))
            {
                if (current.Length == 0)
                {
                    current = part;
                }
                else if (current.Length + 1 + part.Length <= _maxCharacters)
                {
                    current = current + " " + part;
                }
                else
                {
                    pieces.Add(current);
                    current = part;
                }
            }
        }

        if (current.Length > 0)
        {
            pieces.Add(current);
        }

        return pieces;
    }
}
