using System.Globalization;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Workflow.Previews;

/// <summary>What to preview: a voice of the configured provider saying a short text.</summary>
/// <param name="Voice">The voice, as a start's host voice names it.</param>
/// <param name="Style">The host's direction (free text), or null.</param>
/// <param name="Text">What it says (at most <see cref="VoicePreviewer.MaxTextCharacters"/>).</param>
/// <param name="Language">The language the voice is checked for and speaks.</param>
public sealed record VoicePreviewRequest(string Voice, string? Style, string Text, string Language);

/// <summary>A preview ready to be served.</summary>
/// <param name="Artifact">Where its audio is stored (content-addressed).</param>
/// <param name="ContentType">The audio's media type: <c>audio/mpeg</c> (offline WAV is encoded when an MP3 encoder is installed).</param>
/// <param name="Cached">True when it was stored already and nothing was paid.</param>
/// <param name="CostUsd">What this request paid (0 when cached).</param>
public sealed record VoicePreview(string Artifact, string ContentType, bool Cached, decimal CostUsd);

/// <summary>
/// Speaks a short sample with a voice before a producer picks it (<c>POST /api/voices/preview</c>). The audio is stored
/// under the hash of everything that decides its sound (<see cref="SpeechContent"/>, plus the style), so the same voice,
/// style and text are paid once and served from the store after; a paid preview goes through <see cref="PaidStep"/>,
/// so its call is in the cost journal at its price (<c>_previews/ledger/previews-{date}/...</c>), like an episode's.
/// </summary>
public sealed class VoicePreviewer(IArtifactStore store, ISpeechSynthesizer speech, PaidStep paidStep, PreviewMp3 mp3, TimeProvider time)
{
    /// <summary>Longest text a preview speaks: a sentence or two, so a preview costs a fraction of a cent.</summary>
    public const int MaxTextCharacters = 200;

    /// <summary>The store folder of previews and their journal (not an episode: no episode id may start with '_').</summary>
    public const string Folder = "_previews";

    /// <summary>The most one preview may take, provider retries included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Why <paramref name="voice"/> cannot speak <paramref name="language"/> with the configured provider, or null.</summary>
    public Task<string?> CheckVoiceAsync(string voice, string language, CancellationToken cancellationToken) =>
        speech.CheckVoiceAsync(voice, language, cancellationToken);

    /// <summary>The stored preview of <paramref name="request"/>, synthesizing and journaling it when it is not stored yet.</summary>
    public async Task<VoicePreview> PreviewAsync(VoicePreviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool encode = speech.Format == AudioFormat.Wav && mp3.Available;
        AudioFormat format = encode ? AudioFormat.Mp3 : speech.Format;
        string hash = SpeechContent.Hash(request.Text, request.Voice, speech.CacheKey, request.Language, format.ToString());
        if (!string.IsNullOrEmpty(request.Style))
        {
            hash = InputHash.Of(hash, "style", request.Style);
        }

        string name = SpeechContent.Name(Folder, hash, AudioStitcherFactory.FileExtension(format));
        string contentType = ContentTypes.ForName(name);
        // A stored preview is served without opening a journal: a preview played a thousand times is one paid call.
        if (await store.IsUpToDateAsync(name, hash, cancellationToken))
        {
            return new VoicePreview(name, contentType, Cached: true, 0m);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string run = Folder[1..] + "-" + time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        PaidStepResult<long> result = await paidStep.RunAsync(
            new PaidStepKey(Folder, run, AgentNames.AudioSynthesizer, "characters", name, hash),
            reuse: async () => (await store.GetInfoAsync(name, CancellationToken.None))!.Length,
            pay: async () =>
            {
                using var audio = new MemoryStream();
                AgentUsage usage = await speech.SynthesizeAsync(new SpeechInput(request.Text, request.Voice, request.Language, request.Style), audio, timeout.Token);
                if (audio.Length == 0)
                {
                    throw new InvalidDataException($"{speech.Name} returned no audio for the preview of voice '{request.Voice}'.");
                }

                audio.Position = 0;
                using MemoryStream stored = encode ? await mp3.EncodeAsync(audio, timeout.Token) : audio;
                stored.Position = 0;
                ArtifactInfo info = await store.WriteAsync(name, stored, contentType, hash, CancellationToken.None);
                return new AgentResult<long>(info.Length, usage);
            },
            save: _ => Task.CompletedTask);
        return new VoicePreview(name, contentType, result.Usage.CacheHit, result.Usage.ChargeUsd);
    }
}
