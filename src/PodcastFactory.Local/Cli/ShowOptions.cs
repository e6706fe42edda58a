using System.CommandLine;
using System.Text.Json;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// The options of <c>podcast show create</c>: a show from <c>--file</c> (the JSON body of <c>POST /api/shows</c>),
/// from options, or both (an option given overrides the file's field).
/// </summary>
public sealed class ShowOptions
{
    /// <summary>Largest show file read.</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>--file.</summary>
    public Option<FileInfo?> File { get; } = new("--file", "-f") { Description = "A JSON file with the show (the body of POST /api/shows)." };

    /// <summary>--id.</summary>
    public Option<string?> Id { get; } = new("--id") { Description = "The show's id (2-48 lower-case letters, digits, hyphens)." };

    /// <summary>--title.</summary>
    public Option<string?> Title { get; } = new("--title") { Description = "Title." };

    /// <summary>--description.</summary>
    public Option<string?> Description { get; } = new("--description") { Description = "What the show is about." };

    /// <summary>--language.</summary>
    public Option<string?> Language { get; } = new("--language") { Description = "Language code (default en)." };

    /// <summary>--author.</summary>
    public Option<string?> Author { get; } = new("--author") { Description = "Author (default the title)." };

    /// <summary>--owner-email.</summary>
    public Option<string?> OwnerEmail { get; } = new("--owner-email") { Description = "Owner e-mail for the feed." };

    /// <summary>--artwork-url.</summary>
    public Option<string?> ArtworkUrl { get; } = new("--artwork-url") { Description = "Artwork URL (public http(s))." };

    /// <summary>--category.</summary>
    public Option<string?> Category { get; } = new("--category") { Description = "Apple Podcasts category, e.g. Technology, Science, News." };

    /// <summary>--explicit.</summary>
    public Option<bool> Explicit { get; } = new("--explicit") { Description = "Mark the show explicit." };

    /// <summary>--host (1-4 times).</summary>
    public Option<string[]> Hosts { get; } = new("--host") { Description = "A host as Name:voice, 1 to 4 times (personas: use --file)." };

    /// <summary>--format.</summary>
    public Option<string?> Format { get; } = new("--format") { Description = $"Default format: {EpisodeFormats.Names}." };

    /// <summary>--minutes.</summary>
    public Option<int?> Minutes { get; } = new("--minutes", "-m") { Description = "Default target minutes (1-60)." };

    /// <summary>--instructions.</summary>
    public Option<string?> Instructions { get; } = new("--instructions") { Description = "Standing instructions for the writer of every episode." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (Option option in new Option[] { File, Id, Title, Description, Language, Author, OwnerEmail, ArtworkUrl, Category, Explicit, Hosts, Format, Minutes, Instructions })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The show body the file and options describe, or the errors (field-named) that stop it.</summary>
    public async Task<(ShowBody? Body, IReadOnlyList<ValidationError> Errors)> BuildAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ShowBody body = new();
        if (parse.GetValue(File) is { } file)
        {
            (ShowBody? read, IReadOnlyList<ValidationError> errors) = await ReadAsync(file, cancellationToken);
            if (read is null)
            {
                return (null, errors);
            }

            body = read;
        }

        var hosts = new List<HostVoice>();
        foreach (string host in parse.GetValue(Hosts) ?? [])
        {
            string[] parts = host.Split(':', 2);
            if (parts.Length != 2)
            {
                return (null, [new("hosts", $"'--host {host}' must be Name:voice, e.g. Alex:flite:rms.")]);
            }

            hosts.Add(new HostVoice(parts[0].Trim(), parts[1].Trim()));
        }

        return (body with
        {
            Id = parse.GetValue(Id) ?? body.Id,
            Title = parse.GetValue(Title) ?? body.Title,
            Description = parse.GetValue(Description) ?? body.Description,
            Language = parse.GetValue(Language) ?? body.Language,
            Author = parse.GetValue(Author) ?? body.Author,
            OwnerEmail = parse.GetValue(OwnerEmail) ?? body.OwnerEmail,
            ArtworkUrl = parse.GetValue(ArtworkUrl) ?? body.ArtworkUrl,
            Category = parse.GetValue(Category) ?? body.Category,
            Explicit = parse.GetValue(Explicit) ? true : body.Explicit,
            Hosts = hosts.Count > 0 ? hosts : body.Hosts,
            DefaultFormat = parse.GetValue(Format) ?? body.DefaultFormat,
            DefaultMinutes = parse.GetValue(Minutes) ?? body.DefaultMinutes,
            Instructions = parse.GetValue(Instructions) ?? body.Instructions,
        }, []);
    }

    // The file is read as the API reads a body: bounded, strict (unknown fields are errors), field-named errors.
    static async Task<(ShowBody? Body, IReadOnlyList<ValidationError> Errors)> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return (null, [new("file", $"{file.FullName} does not exist.")]);
        }

        if (file.Length > MaxFileBytes)
        {
            return (null, [new("file", $"{file.FullName} is larger than {MaxFileBytes / 1024} KB.")]);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(await System.IO.File.ReadAllBytesAsync(file.FullName, cancellationToken), new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new("file", "The file must hold one JSON object.")]);
            }

            if (StrictJson.Check<ShowBody>(document.RootElement, PodcastJson.Compact) is { Count: > 0 } strict)
            {
                return (null, strict);
            }

            return (document.RootElement.Deserialize<ShowBody>(PodcastJson.Compact), []);
        }
        catch (JsonException ex)
        {
            return (null, [new(ex.Path is null or "$" ? "file" : JsonBody.FieldOf(ex.Path), "The file is not a valid show: " + ex.Message)]);
        }
    }
}
