using System.Globalization;
using System.Text;
using System.Xml;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Providers.AzureSpeech;

/// <summary>
/// The SSML document Azure AI Speech is sent for one segment: one <c>voice</c> inside <c>speak</c>, the host's style as
/// <c>mstts:express-as</c> and <c>prosody</c> (<see cref="AzureSpeechStyle"/>), pauses as <c>break</c>, emphasis as
/// <c>emphasis</c>, lexicon entries as <c>phoneme</c> (IPA) or <c>sub</c> (say). Built with an <see cref="XmlWriter"/>, so
/// script text can never become markup (<c>&lt;</c>, <c>&amp;</c>, <c>]]&gt;</c> are escaped) and characters XML cannot
/// carry at all (control characters) are dropped rather than failing the request.
/// </summary>
public static class AzureSpeechSsml
{
    const string SsmlNamespace = "http://www.w3.org/2001/10/synthesis";

    /// <summary>Azure's extension namespace (<c>mstts:express-as</c>).</summary>
    public const string MsttsNamespace = "http://www.w3.org/2001/mstts";

    /// <summary>The SSML for <paramref name="text"/> (marks honoured, no lexicon, no style) spoken by <paramref name="voice"/> in <paramref name="locale"/>.</summary>
    public static string Build(string text, string voice, string locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Build(SpokenText.Parse(text), voice, locale, AzureSpeechStyle.None);
    }

    /// <summary>The SSML for <paramref name="parts"/> spoken by <paramref name="voice"/> in <paramref name="locale"/> with <paramref name="style"/>.</summary>
    public static string Build(IReadOnlyList<SpokenPart> parts, string voice, string locale, AzureSpeechStyle style)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        var ssml = new StringBuilder(parts.Sum(p => p.Written.Length + p.Spoken.Length) + 300);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false };
        using (var writer = XmlWriter.Create(ssml, settings))
        {
            writer.WriteStartElement("speak", SsmlNamespace);
            writer.WriteAttributeString("version", "1.0");
            if (style.ExpressAs is not null)
            {
                writer.WriteAttributeString("xmlns", "mstts", null, MsttsNamespace);
            }

            writer.WriteAttributeString("xml", "lang", null, locale);
            writer.WriteStartElement("voice", SsmlNamespace);
            writer.WriteAttributeString("name", voice);
            if (style.ExpressAs is not null)
            {
                writer.WriteStartElement("mstts", "express-as", MsttsNamespace);
                writer.WriteAttributeString("style", style.ExpressAs);
            }

            if (style.Rate is not null || style.Pitch is not null)
            {
                writer.WriteStartElement("prosody", SsmlNamespace);
                WriteOptional(writer, "rate", style.Rate);
                WriteOptional(writer, "pitch", style.Pitch);
            }

            WriteParts(writer, parts);
            writer.WriteEndDocument(); // closes prosody, express-as, voice and speak, whichever are open
        }

        return ssml.ToString();
    }

    static void WriteParts(XmlWriter writer, IReadOnlyList<SpokenPart> parts)
    {
        for (int i = 0; i < parts.Count; i++)
        {
            SpokenPart part = parts[i];
            if (part.Kind == SpokenPartKind.Pause)
            {
                writer.WriteStartElement("break", SsmlNamespace);
                writer.WriteAttributeString("time", SpeechMarks.PauseMs.ToString(CultureInfo.InvariantCulture) + "ms");
                writer.WriteEndElement();
                continue;
            }

            bool opens = part.Emphasis && (i == 0 || !parts[i - 1].Emphasis);
            bool closes = part.Emphasis && (i == parts.Count - 1 || !parts[i + 1].Emphasis);
            if (opens)
            {
                writer.WriteStartElement("emphasis", SsmlNamespace);
                writer.WriteAttributeString("level", "moderate");
            }

            WritePart(writer, part);
            if (closes)
            {
                writer.WriteEndElement();
            }
        }
    }

    static void WritePart(XmlWriter writer, SpokenPart part)
    {
        if (part.Kind == SpokenPartKind.Lexicon && part.Ipa is not null)
        {
            writer.WriteStartElement("phoneme", SsmlNamespace);
            writer.WriteAttributeString("alphabet", "ipa");
            writer.WriteAttributeString("ph", XmlText(part.Ipa));
            writer.WriteString(XmlText(part.Written));
            writer.WriteEndElement();
        }
        else if (part.Kind == SpokenPartKind.Lexicon)
        {
            writer.WriteStartElement("sub", SsmlNamespace);
            writer.WriteAttributeString("alias", XmlText(part.Spoken));
            writer.WriteString(XmlText(part.Written));
            writer.WriteEndElement();
        }
        else
        {
            writer.WriteString(XmlText(part.Written));
        }
    }

    static void WriteOptional(XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteAttributeString(name, value);
        }
    }

    /// <summary>The locale of an Azure voice name (<c>en-US-AvaNeural</c> -> <c>en-US</c>), else <paramref name="fallback"/>.</summary>
    public static string Locale(string voice, string fallback)
    {
        ArgumentNullException.ThrowIfNull(voice);
        string[] parts = voice.Split('-');
        return parts.Length >= 3 ? $"{parts[0]}-{parts[1]}" : fallback;
    }

    static string XmlText(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
