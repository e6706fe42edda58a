using System.Text;
using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Sources.Fetching;

/// <summary>
/// Decodes a fetched body as a browser would, so a Spanish or German page reads right whatever its encoding: a byte
/// order mark first, then the Content-Type charset, then (HTML only) a <c>&lt;meta charset&gt;</c> or
/// <c>http-equiv</c> declaration in the first 1024 bytes, else UTF-8. Legacy encodings (windows-1252, ISO-8859-x,
/// Shift_JIS...) come from the code-pages provider; ISO-8859-1 and US-ASCII labels decode as windows-1252, as the
/// WHATWG Encoding standard says browsers do (pages labelled Latin-1 use its curly quotes and dashes).
/// </summary>
internal static partial class TextDecoding
{
    /// <summary>How far into an HTML document a meta charset is looked for (the HTML prescan's limit).</summary>
    public const int MetaPrescanBytes = 1024;

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The body as text, without a byte order mark.</summary>
    public static string Decode(byte[] body, string? headerCharset, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        Encoding encoding = FromBom(body, out int skip)
            ?? Lookup(headerCharset)
            ?? (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase) ? Lookup(MetaCharset(body)) : null)
            ?? Encoding.UTF8;
        string text = encoding.GetString(body, skip, body.Length - skip);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    static Encoding? FromBom(byte[] body, out int skip)
    {
        (skip, Encoding? encoding) = body switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (3, Encoding.UTF8),
            [0xFF, 0xFE, ..] => (2, Encoding.Unicode),
            [0xFE, 0xFF, ..] => (2, Encoding.BigEndianUnicode),
            _ => (0, (Encoding?)null),
        };
        return encoding;
    }

    static Encoding? Lookup(string? label)
    {
        string name = (label ?? "").Trim().Trim('"', '\'').ToLowerInvariant();
        if (name.Length == 0)
        {
            return null;
        }

        if (name is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "l1")
        {
            name = "windows-1252";
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // The declaration is ASCII in every encoding a page may declare this way, so the prescan reads bytes as Latin-1.
    static string? MetaCharset(byte[] body)
    {
        string head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, MetaPrescanBytes));
        Match match = MetaRegex().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    [GeneratedRegex("""<meta[^>]*?charset\s*=\s*["']?(?<charset>[A-Za-z0-9_:.+-]{1,40})""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaRegex();
}
