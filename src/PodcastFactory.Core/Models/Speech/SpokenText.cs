namespace PodcastFactory.Core.Models.Speech;

/// <summary>
/// A segment's text as the speech providers see it: its marks (<see cref="SpeechMarks"/>) and lexicon entries
/// (<see cref="PronunciationLexicon"/>) turned into <see cref="SpokenPart"/>s, which each provider renders in its own form
/// (SSML on Azure, punctuation and plain words on OpenAI and ElevenLabs, silence on flite and espeak-ng).
/// </summary>
public static class SpokenText
{
    /// <summary>The parts of <paramref name="text"/> (a script's text with its marks) under <paramref name="lexicon"/>.</summary>
    public static IReadOnlyList<SpokenPart> Parse(string text, PronunciationLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        lexicon ??= PronunciationLexicon.Empty;
        var parts = new List<SpokenPart>();
        foreach ((string? run, bool emphasis) in SpeechMarks.Runs(text))
        {
            if (run is null)
            {
                parts.Add(new SpokenPart(SpokenPartKind.Pause, "", ""));
                continue;
            }

            int at = 0;
            foreach ((int start, int length, LexiconEntry entry) in lexicon.Matches(run))
            {
                if (start > at)
                {
                    parts.Add(Words(run[at..start], emphasis));
                }

                string written = run.Substring(start, length);
                parts.Add(new SpokenPart(SpokenPartKind.Lexicon, written, string.IsNullOrWhiteSpace(entry.Say) ? written : entry.Say.Trim(), emphasis,
                    string.IsNullOrWhiteSpace(entry.Ipa) ? null : entry.Ipa.Trim()));
                at = start + length;
            }

            if (at < run.Length)
            {
                parts.Add(Words(run[at..], emphasis));
            }
        }

        return parts;
    }

    /// <summary>The lexicon entries that change <paramref name="text"/>, each once, in the order they are first met.</summary>
    public static IReadOnlyList<LexiconEntry> EntriesUsed(string text, PronunciationLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var used = new List<LexiconEntry>();
        foreach ((string? run, _) in SpeechMarks.Runs(text))
        {
            foreach ((_, _, LexiconEntry entry) in run is null ? [] : lexicon.Matches(run))
            {
                if (!used.Contains(entry))
                {
                    used.Add(entry);
                }
            }
        }

        return used;
    }

    /// <summary>
    /// What a plain-text provider is sent: the spoken words, emphasis as the plain words, each pause as
    /// <paramref name="pause"/> (punctuation the provider pauses at, e.g. "…").
    /// </summary>
    public static string Plain(IReadOnlyList<SpokenPart> parts, string pause)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new System.Text.StringBuilder();
        foreach (SpokenPart part in parts)
        {
            if (part.Kind == SpokenPartKind.Pause)
            {
                // "word … next": the pause punctuation sits between words, never doubling a space.
                text.Append(text.Length > 0 && text[^1] != ' ' ? " " : "").Append(pause).Append(' ');
            }
            else
            {
                text.Append(part.Spoken);
            }
        }

        return Tidy(text.ToString());
    }

    /// <summary>
    /// The segment's <c>spokenText</c> in <c>audio/segments.json</c>: the text after the lexicon, its marks kept in the
    /// script's own syntax, so a reader sees what is said and where the direction is.
    /// </summary>
    public static string Directed(IReadOnlyList<SpokenPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < parts.Count; i++)
        {
            SpokenPart part = parts[i];
            if (part.Kind == SpokenPartKind.Pause)
            {
                text.Append(SpeechMarks.Pause);
                continue;
            }

            bool opens = part.Emphasis && (i == 0 || !parts[i - 1].Emphasis);
            bool closes = part.Emphasis && (i == parts.Count - 1 || !parts[i + 1].Emphasis);
            text.Append(opens ? "*" : "").Append(part.Spoken).Append(closes ? "*" : "");
        }

        return text.ToString().Trim();
    }

    static SpokenPart Words(string text, bool emphasis) => new(SpokenPartKind.Words, text, text, emphasis);

    static string Tidy(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
