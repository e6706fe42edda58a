namespace PodcastFactory.Core.Models;

/// <summary>
/// What counts as text in a request: no control characters in one-line fields (topic, names, voices), only the
/// ordinary whitespace controls (tab, line feed, carriage return, form feed) in multi-line text; a NUL anywhere means
/// the content is binary, not text. Neither may hold a lone surrogate or a Unicode non-character (U+FDD0..U+FDEF,
/// U+xFFFE, U+xFFFF): XML cannot carry U+FFFE/U+FFFF, so such a topic used to fail only at publishing, after the money
/// was spent.
/// </summary>
public static class TextRules
{
    /// <summary>True when <paramref name="value"/> has no control character at all (one-line fields).</summary>
    public static bool IsSingleLine(string? value) => value is null || (!value.Any(char.IsControl) && IsWellFormed(value));

    /// <summary>True when <paramref name="value"/> has no control character other than tab, line feed, carriage return and form feed.</summary>
    public static bool IsText(string? value) => value is null || (!value.Any(IsForbiddenInText) && IsWellFormed(value));

    /// <summary>True when <paramref name="value"/> has no lone surrogate and no Unicode non-character.</summary>
    public static bool IsWellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ReadOnlySpan<char> rest = value;
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out System.Text.Rune rune, out int used) != System.Buffers.OperationStatus.Done || IsNonCharacter(rune.Value))
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    /// <summary>The message for a one-line field with a control character or a non-character.</summary>
    public static string SingleLineMessage(string what) => $"{what} must not contain control characters (tabs and line breaks included), {NonCharacterNote}.";

    /// <summary>The message for multi-line text with a forbidden character.</summary>
    public static string TextMessage(string what) => $"{what} must not contain control characters other than tabs and line breaks, {NonCharacterNote}.";

    const string NonCharacterNote = "Unicode non-characters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF) or lone surrogates";

    static bool IsNonCharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Why <paramref name="text"/> (a source's content) is not text, or null when it is.</summary>
    public static string? NotTextReason(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int index = text.AsSpan().IndexOfAnyInRange('\0', '\u001f');
        for (; index >= 0 && index < text.Length; index++)
        {
            if (IsForbiddenInText(text[index]))
            {
                return text[index] == '\0'
                    ? $"it is not text: it contains NUL bytes (first at character {index}); give a UTF-8 text or Markdown file"
                    : $"it is not text: it contains the control character U+{(int)text[index]:X4} at character {index}; give a UTF-8 text or Markdown file";
            }
        }

        return text.Any(c => c is >= '\u007f' and <= '\u009f')
            ? "it is not text: it contains control characters; give a UTF-8 text or Markdown file"
            : null;
    }

    static bool IsForbiddenInText(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f');
}
