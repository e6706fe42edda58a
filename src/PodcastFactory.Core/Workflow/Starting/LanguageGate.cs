using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>
/// Refuses, at start, a language this configuration cannot serve (issue 25 item 3): one the script writer has no lines
/// for (the offline writer writes the languages with a pack), or one the speech provider has no voice for when the
/// episode has audio. Found here, the refusal names <c>language</c> and the languages that can be served; found at the
/// audio stage, research and script would already be paid for.
/// </summary>
public sealed class LanguageGate(IScriptAgent writer, ISpeechSynthesizer speech, ILogger<LanguageGate> logger)
{
    /// <summary>The refusal of <paramref name="request"/>'s language, or null when it can be served.</summary>
    public async Task<ValidationError?> CheckAsync(EpisodeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? reason = null;
        if (writer.Languages is { } written && !written.Contains(LanguagePacks.Primary(request.Language), StringComparer.OrdinalIgnoreCase))
        {
            reason = $"the offline script writer has no lines in '{request.Language}'";
        }
        else if (request.Priority != OutputPriority.Social && await speech.CheckLanguageAsync(request.Language, cancellationToken) is { } problem)
        {
            reason = $"the {speech.Name} speech provider cannot speak it: {problem}";
        }

        if (reason is null)
        {
            return OfflineFormatProblem(request);
        }

        Logs.LanguageRefused(logger, request.Language, reason);
        string served = writer.Languages is null ? "Languages this configuration serves include" : "Languages this configuration serves";
        return new ValidationError("language", $"Language '{request.Language}' cannot be served here: {reason}. {served}: {string.Join(", ", await ServedAsync(request, cancellationToken))}.");
    }

    // The language packs hold the two-host deep-dive's frame; the other formats' and casts' offline lines are English
    // only, so the offline writer refuses them in another language rather than mixing languages in one episode.
    ValidationError? OfflineFormatProblem(EpisodeRequest request)
    {
        if (writer.Languages is null || LanguagePacks.Primary(request.Language) == "en"
            || (EpisodeFormats.Of(request.Format).Name == EpisodeFormats.DeepDive && request.Hosts.Count == 2))
        {
            return null;
        }

        return new ValidationError("format", $"Offline, '{request.Language}' is written as a two-host deep-dive only (the other formats and casts are English only); use --format deep-dive with two hosts, English, or a model writer.");
    }

    // What can be served: the writer's languages (the packs' when it writes any), each kept when the speech provider speaks it.
    async Task<List<string>> ServedAsync(EpisodeRequest request, CancellationToken cancellationToken)
    {
        var served = new List<string>();
        foreach (string code in writer.Languages ?? LanguagePacks.Codes)
        {
            if (request.Priority == OutputPriority.Social || await speech.CheckLanguageAsync(code, cancellationToken) is null)
            {
                served.Add(code);
            }
        }

        return served;
    }
}
