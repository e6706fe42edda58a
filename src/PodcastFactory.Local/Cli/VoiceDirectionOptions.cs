using System.Text.Json;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// The command line's voice direction: <c>--host-style Name=style</c> sets a host's style (a voice may hold colons, so the
/// style has its own option rather than a third part of <c>--host</c>), <c>--say TEXT=say</c> and <c>--lexicon FILE</c>
/// build the pronunciation lexicon. Syntax errors come back as validation errors naming the option; the limits are the
/// request validator's.
/// </summary>
public static class VoiceDirectionOptions
{
    /// <summary>Largest lexicon file read (200 entries of the longest allowed fields fit with room to spare).</summary>
    public const long MaxLexiconFileBytes = 256 * 1024;

    static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary><paramref name="hosts"/> with the styles of <paramref name="styles"/> (<c>Name=style</c>, host names ignoring case).</summary>
    public static IReadOnlyList<HostVoice> WithStyles(IReadOnlyList<HostVoice> hosts, string[] styles, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(errors);
        var styled = hosts.ToList();
        foreach (string option in styles)
        {
            string[] parts = option.Split('=', 2);
            int index = parts.Length == 2 ? styled.FindIndex(h => string.Equals(h.Name.Trim(), parts[0].Trim(), StringComparison.OrdinalIgnoreCase)) : -1;
            if (parts.Length != 2 || string.IsNullOrWhiteSpace(parts[1]))
            {
                errors.Add(new("--host-style", $"'--host-style {option}' must be Name=style, e.g. Sam=cheerful, a little faster."));
            }
            else if (index < 0)
            {
                errors.Add(new("--host-style", $"'--host-style {option}': no host is named '{parts[0].Trim()}' (hosts: {string.Join(", ", styled.Select(h => h.Name))})."));
            }
            else
            {
                styled[index] = styled[index] with { Style = parts[1].Trim() };
            }
        }

        return styled;
    }

    /// <summary>The lexicon of <paramref name="file"/> (a JSON array of entries) followed by the <c>--say TEXT=say</c> entries.</summary>
    public static IReadOnlyList<LexiconEntry> Lexicon(FileInfo? file, string[] says, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lexicon = new List<LexiconEntry>();
        if (file is not null)
        {
            lexicon.AddRange(Read(file, errors));
        }

        foreach (string say in says)
        {
            string[] parts = say.Split('=', 2);
            if (parts.Length != 2 || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
            {
                errors.Add(new("--say", $"'--say {say}' must be TEXT=say, e.g. SQL=sequel."));
                continue;
            }

            lexicon.Add(new LexiconEntry(parts[0].Trim(), parts[1].Trim()));
        }

        return lexicon;
    }

    static IReadOnlyList<LexiconEntry> Read(FileInfo file, List<ValidationError> errors)
    {
        try
        {
            if (file.Length > MaxLexiconFileBytes)
            {
                errors.Add(new("--lexicon", $"{file.FullName} is {file.Length} bytes; a lexicon file may be at most {MaxLexiconFileBytes}."));
                return [];
            }

            return JsonSerializer.Deserialize<List<LexiconEntry>>(File.ReadAllText(file.FullName), _json) ?? [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            errors.Add(new("--lexicon", $"{file.FullName}: {(e is JsonException ? "not a JSON array of {\"text\", \"say\", \"ipa\"} entries" : e.Message)} ({e.GetType().Name})."));
            return [];
        }
    }
}
