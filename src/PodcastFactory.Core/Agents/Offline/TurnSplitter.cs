using System.Text;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Splits a turn that is longer than the speech provider's input limit into consecutive turns of the same speaker,
/// at sentence boundaries where possible, then at word boundaries, and only as a last resort inside a word.
/// </summary>
internal static class TurnSplitter
{
    /// <summary>The turn itself when it fits, otherwise its parts (each keeps the turn's speaker and claims).</summary>
    public static IEnumerable<ScriptTurn> Split(ScriptTurn turn, int maxCharacters)
    {
        if (maxCharacters <= 0 || turn.Text.Length <= maxCharacters)
        {
            return [turn];
        }

        return Pack(SentenceSplitter.SplitSentences(turn.Text).SelectMany(s => Pieces(s, maxCharacters)), maxCharacters)
            .Select(text => turn with { Text = text });
    }

    static IEnumerable<string> Pack(IEnumerable<string> pieces, int max)
    {
        var current = new StringBuilder();
        foreach (string piece in pieces)
        {
            if (current.Length > 0 && current.Length + 1 + piece.Length > max)
            {
                yield return current.ToString();
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : "").Append(piece);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    static IEnumerable<string> Pieces(string sentence, int max)
    {
        if (sentence.Length <= max)
        {
            yield return sentence;
            yield break;
        }

        var current = new StringBuilder();
        foreach (string word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string chunk in word.Chunk(max).Select(c => new string(c)))
            {
                if (current.Length > 0 && current.Length + 1 + chunk.Length > max)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                current.Append(current.Length > 0 ? " " : "").Append(chunk);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
