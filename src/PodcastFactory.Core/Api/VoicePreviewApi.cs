using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Previews;

namespace PodcastFactory.Core.Api;

/// <summary>The body of <c>POST /api/voices/preview</c>.</summary>
public sealed record VoicePreviewBody
{
    /// <summary>The voice (required), one <c>GET /api/voices</c> lists.</summary>
    public string? Voice { get; init; }

    /// <summary>The host's direction (optional, at most <see cref="VoicePreviewApi.MaxStyleCharacters"/>).</summary>
    public string? Style { get; init; }

    /// <summary>What the voice says (required, 1-<see cref="VoicePreviewer.MaxTextCharacters"/> characters).</summary>
    public string? Text { get; init; }

    /// <summary>The language (optional, default <c>en</c>, as a start's).</summary>
    public string? Language { get; init; }
}

/// <summary>
/// <c>POST /api/voices/preview</c>, shared by both hosts: a short sample of a voice as audio, from the configured speech
/// provider (offline: flite or espeak-ng), paid once per voice, style and text (<see cref="VoicePreviewer"/>).
/// </summary>
public sealed class VoicePreviewApi(VoicePreviewer previewer, IArtifactStore store, ILogger<VoicePreviewApi> logger)
{
    /// <summary>Longest style accepted: a line or two of direction.</summary>
    public const int MaxStyleCharacters = 500;

    /// <summary>Largest body: the three short fields and their JSON, with room for escapes.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    /// <summary>200 with the audio (the provider's format); 400 naming the field; 413 over <see cref="MaxBodyBytes"/>.</summary>
    public async Task<IResult> PreviewAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        (VoicePreviewBody? body, IReadOnlyList<ValidationError> errors) = await JsonBody.ReadAsync<VoicePreviewBody>(request, MaxBodyBytes, cancellationToken);
        if (body is not null)
        {
            errors = Validate(body);
        }

        if (body is null || errors.Count > 0)
        {
            return Refuse(errors);
        }

        string language = body.Language ?? DefaultLanguage;
        if (await previewer.CheckVoiceAsync(body.Voice!, language, cancellationToken) is { } unknownVoice)
        {
            return Refuse([new("voice", unknownVoice)]);
        }

        VoicePreview preview = await previewer.PreviewAsync(new VoicePreviewRequest(body.Voice!, body.Style, body.Text!, language), cancellationToken);
        Logs.VoicePreviewed(logger, body.Voice!, body.Text!.Length, preview.Cached, preview.CostUsd);
        Stream audio = await store.OpenReadAsync(preview.Artifact, cancellationToken);
        // The same body always gives the same audio, so the browser may keep it; private: previews are not public content.
        request.HttpContext.Response.Headers.CacheControl = "private, max-age=86400";
        request.HttpContext.Response.Headers["Preview-Cached"] = preview.Cached ? "true" : "false";
        return Results.Stream(audio, preview.ContentType);
    }

    // A start's default language (EpisodeRequest.Language).
    const string DefaultLanguage = "en";

    /// <summary>The body's errors, each naming its field.</summary>
    public static IReadOnlyList<ValidationError> Validate(VoicePreviewBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(body.Voice))
        {
            errors.Add(new("voice", "A voice is required (GET /api/voices lists them)."));
        }
        else if (body.Voice.Length > 100 || !TextRules.IsSingleLine(body.Voice))
        {
            errors.Add(new("voice", "A voice is at most 100 characters on one line."));
        }

        if (string.IsNullOrWhiteSpace(body.Text))
        {
            errors.Add(new("text", "Text to speak is required."));
        }
        else if (body.Text.Length > VoicePreviewer.MaxTextCharacters)
        {
            errors.Add(new("text", $"A preview speaks at most {VoicePreviewer.MaxTextCharacters} characters; this text has {body.Text.Length}."));
        }
        else if (!TextRules.IsText(body.Text))
        {
            errors.Add(new("text", TextRules.TextMessage("Text")));
        }

        if (body.Style is { } style && (style.Length > MaxStyleCharacters || !TextRules.IsSingleLine(style)))
        {
            errors.Add(new("style", $"A style is at most {MaxStyleCharacters} characters on one line."));
        }

        if (body.Language is { } language && (language.Length is 0 or > 16 || !language.All(c => char.IsAsciiLetter(c) || c == '-')))
        {
            errors.Add(new("language", "Language must be a language code such as 'en' or 'en-GB'."));
        }

        return errors;
    }

    IResult Refuse(IReadOnlyList<ValidationError> errors)
    {
        ValidationError first = errors.Count > 0 ? errors[0] : new ValidationError("body", "invalid");
        Logs.RequestRefused(logger, errors.Count, first.Field, first.Message);
        return ApiProblems.Validation(errors);
    }
}
