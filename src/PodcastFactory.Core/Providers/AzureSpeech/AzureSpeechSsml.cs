using System.Text;
using System.Xml;

namespace PodcastFactory.Core.Providers.AzureSpeech;

/// <summary>
/// The SSML document Azure AI Speech is sent for one segment: one <c>voice</c> inside <c>speak</c>. Built with an
/// <see cref="XmlWriter"/>, so script text can never become markup (<c>&lt;</c>, <c>&amp;</c>, <c>]]&gt;</c> are escaped)
/// and characters XML cannot carry at all (control characters) are dropped rather than failing the request.
/// </summary>
public static class AzureSpeechSsml
{
    const string SsmlNamespace = "http://www.w3.org/2001/10/synthesis";

    /// <summary>The SSML for <paramref name="text"/> spoken by <paramref name="voice"/> in <paramref name="locale"/>.</summary>
    public static string Build(string text, string voice, string locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        var ssml = new StringBuilder(text.Length + 200);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false };
        using (var writer = XmlWriter.Create(ssml, settings))
        {
            writer.WriteStartElement("speak", SsmlNamespace);
            writer.WriteAttributeString("version", "1.0");
            writer.WriteAttributeString("xml", "lang", null, locale);
            writer.WriteStartElement("voice", SsmlNamespace);
            writer.WriteAttributeString("name", voice);
            writer.WriteString(XmlText(text));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return ssml.ToString();
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
