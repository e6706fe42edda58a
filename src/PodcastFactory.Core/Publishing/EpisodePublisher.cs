using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Audio.Tagging;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Models.Speech;
using PodcastFactory.Core.Publishing.Feed;

namespace PodcastFactory.Core.Publishing;

/// <summary>
/// The publish stage's work, in order: master the segments into <c>episode.mp3</c> (ID3v2.4 tag with chapters), then
/// the transcript (VTT, SRT), <c>chapters.json</c>, show notes (Markdown, HTML) and <c>publish.json</c>, and last the
/// feed item, so an episode enters the feed only when everything it links to exists.
/// </summary>
public sealed class EpisodePublisher(
    IArtifactStore store, IFeedStore rootFeedStore, IOptions<PublishingOptions> publishing, IOptions<FeedOptions> rootFeed, FeedAddress address, IShowFeeds showFeeds, ILogger<EpisodePublisher> logger)
{
    /// <summary>
    /// The finished publish of <paramref name="input"/> when <c>publish.json</c> carries the same input hash (a re-run of
    /// a published episode), else null: then it must be published.
    /// </summary>
    public async Task<Publication?> FindPublishedAsync(PublishRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!publishing.Value.Enabled)
        {
            return null;
        }

        string name = ArtifactNames.Publication(input.EpisodeId);
        ShowChannel channel = await ChannelAsync(input, cancellationToken);
        string hash = await PublicationHash.OfAsync(store, input, publishing.Value, channel.Options, cancellationToken);
        if (!await store.IsUpToDateAsync(name, hash, cancellationToken))
        {
            return null;
        }

        Publication published = await store.ReadJsonAsync<Publication>(name, cancellationToken);
        Logs.PublishReused(logger, input.EpisodeId, name);
        return published with { Artifacts = [.. published.Artifacts, name] };
    }

    /// <summary>Publishes the episode described by <paramref name="input"/>; null when publishing is turned off.</summary>
    public async Task<Publication?> PublishAsync(PublishRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        PublishingOptions options = publishing.Value;
        if (!options.Enabled)
        {
            return null;
        }

        string id = input.EpisodeId;
        ShowChannel channel = await ChannelAsync(input, cancellationToken);
        FeedOptions feed = channel.Options;
        IFeedStore feedStore = channel.Store;
        string hash = await PublicationHash.OfAsync(store, input, options, feed, cancellationToken);
        // Direction marks ([pause], *emphasis*) are for the voices only: chapters and show notes read the words.
        Script script = SpeechMarks.Strip(await store.ReadJsonAsync<Script>(input.ScriptArtifact, cancellationToken));
        SegmentPlan plan = await store.ReadJsonAsync<SegmentPlan>(input.PlanArtifact, cancellationToken);
        if (feed.OwnerEmail is null)
        {
            Logs.FeedOwnerEmailMissing(logger, id);
        }

        Uri baseUrl = address.ForPublishing();
        var feedPublisher = new FeedPublisher(feedStore, feed, baseUrl, channel.FeedPath);
        string guid = "podcastfactory:" + id;
        int number = await feedPublisher.NextEpisodeNumberAsync(guid, cancellationToken);

        await using var writer = new MasterWriter(store, options);
        CheckedMasterResult mastered = await writer.MasterAsync(plan, input.SegmentArtifacts, cancellationToken);
        MasterResult master = mastered.Master;
        IReadOnlyList<EpisodeChapter> chapters = ChapterBuilder.Build(script, plan, master.Timeline, options.TurnsPerFallbackChapter);
        byte[] tag = Id3v2Tag.Build(new Id3Metadata(
            script.Title,
            feed.Title,
            string.Join(" & ", input.Hosts.Select(h => h.Name)),
            number,
            DateOnly.FromDateTime(input.PublishedAt),
            LanguagePacks.For(input.Language).Notes.AiStatement,
            chapters.Select(c => new Id3Chapter(c.Title, (long)Math.Round(c.Start * 1000), (long)Math.Round(c.End * 1000))).ToList(),
            LanguagePacks.Find(input.Language)?.Iso6392));
        ArtifactInfo mp3 = await writer.WriteAsync(ArtifactNames.Master(id), tag, hash, cancellationToken);

        IReadOnlyList<TranscriptCue> cues = TranscriptBuilder.Build(plan, master.Timeline);
        ResearchNotes? research = await store.ReadJsonIfExistsAsync<ResearchNotes>(input.ResearchArtifact, cancellationToken);
        var notes = new ShowNotesContent(
            script.Title,
            Summary(research, script, input.Language),
            chapters,
            input.SourceNames.Select(n => new ShowNotesSource(n, Uri.TryCreate(n, UriKind.Absolute, out Uri? link) ? link : null)).ToList(),
            input.Hosts.Select(h => (h.Name, h.Voice)).ToList(),
            input.Models,
            input.Language,
            input.PublishedAt,
            // Series memory: the earlier episodes the script refers back to ("episode 2"), linked to their pages.
            Earlier: [.. SeriesReferences.In(script, research?.Earlier).Select(e => new ShowNotesEpisode(e.Number, e.Title, e.Page))]);

        string html = ShowNotes.Html(notes);
        List<string> written = [mp3.Name];
        written.Add(await WriteAsync(ArtifactNames.Timeline(id), System.Text.Json.JsonSerializer.Serialize(master.Timeline, PodcastJson.Options), cancellationToken));
        written.Add(await WriteAsync(ArtifactNames.Transcript(id, "vtt"), TranscriptFormats.WebVtt(cues), cancellationToken));
        written.Add(await WriteAsync(ArtifactNames.Transcript(id, "srt"), TranscriptFormats.Srt(cues), cancellationToken));
        written.Add(await WriteAsync(ArtifactNames.Chapters(id), ChaptersJson.Write(chapters, script.Title), cancellationToken));
        written.Add(await WriteAsync(ArtifactNames.ShowNotes(id, "md"), ShowNotes.Markdown(notes), cancellationToken));
        written.Add(await WriteAsync(ArtifactNames.ShowNotes(id, "html"), html, cancellationToken));

        int attempts = await feedPublisher.PublishAsync(new FeedItem(
            guid,
            script.Title,
            html,
            input.PublishedAt,
            Url(baseUrl, id, "episode.mp3"),
            mp3.Length,
            (long)Math.Round(master.Timeline.Duration),
            number,
            Url(baseUrl, id, "transcript.vtt"),
            Url(baseUrl, id, "transcript.srt"),
            Url(baseUrl, id, "chapters.json"),
            input.Language), cancellationToken);

        var publication = new Publication
        {
            InputLufs = master.Input.IntegratedLufs,
            IntegratedLufs = mastered.Encoded.IntegratedLufs,
            TruePeakDbtp = mastered.Encoded.TruePeakDbtp,
            PcmIntegratedLufs = master.Output.IntegratedLufs,
            PcmTruePeakDbtp = master.Output.TruePeakDbtp,
            MasterPasses = mastered.Passes,
            TargetLufs = options.TargetLufs,
            MaxTruePeakDbtp = options.MaxTruePeakDbtp,
            GainDb = master.GainDb,
            LimiterDepthDb = master.LimiterDepthDb,
            SampleRate = master.Timeline.SampleRate,
            DurationSeconds = master.Timeline.Duration,
            Mp3Bytes = mp3.Length,
            Encoder = writer.EncoderDescription,
            Cues = cues.Count,
            Chapters = chapters.Count,
            EpisodeNumber = number,
            Artifacts = written.ToList(),
            Feed = feedStore.Location,
            FeedAttempts = attempts,
            Warning = mastered.Warning,
        };
        written.Add((await store.WriteJsonAsync(ArtifactNames.Publication(id), publication, hash, cancellationToken)).Name);
        if (mastered.Warning is not null)
        {
            Logs.MasterMissedTarget(logger, id, mastered.Warning);
        }

        Logs.Mastered(logger, id, publication.DurationSeconds, publication.InputLufs, publication.IntegratedLufs, publication.TruePeakDbtp, publication.MasterPasses, publication.Encoder);
        Logs.FeedUpdated(logger, id, number, feedStore.Location, attempts);
        return publication with { Artifacts = [.. written] };
    }

    // The episode's feed: its show's (a purged show's episode cannot be published: nothing would serve it), else the root feed.
    async Task<ShowChannel> ChannelAsync(PublishRequest input, CancellationToken cancellationToken) => input.Show is null
        ? new ShowChannel(rootFeed.Value, rootFeedStore, PodcastFeed.RootPath)
        : await showFeeds.FindAsync(input.Show, cancellationToken)
            ?? throw new NonRetryableException($"Show '{input.Show}' no longer exists (purged), so episode '{input.EpisodeId}' has no feed to join.");

    // The API's artifact route (Api/ApiRoutes.Artifact, a layer above): episodes/{id}/artifacts/{name}.
    static Uri Url(Uri baseUrl, string id, string relative) => FeedOptions.Combine(baseUrl, $"episodes/{Uri.EscapeDataString(id)}/artifacts/{Uri.EscapeDataString(relative)}");

    async Task<string> WriteAsync(string name, string text, CancellationToken cancellationToken) =>
        (await store.WriteTextAsync(name, text, null, cancellationToken)).Name;

    // The research summary when sources were supplied and it is in the episode's language; otherwise the opening of
    // the script. (The offline merge summarises in English bookkeeping, "13 distinct notes from 3 research angles",
    // which a Spanish episode's notes must not open with; a model's summary is written in the language.)
    static string Summary(ResearchNotes? research, Script script, string language)
    {
        if (research is { HasSources: true, Summary.Length: > 0 }
            && (LanguagePacks.Primary(language) == "en" || LanguageShare.Measure(research.Summary)[0].Code == LanguagePacks.Primary(language)))
        {
            return research.Summary;
        }

        string opening = string.Join(' ', script.Turns.Take(2).Select(t => t.Text));
        return string.Join(' ', TextSplitter.Sentences(TextSplitter.NormalizeWhitespace(opening)).Take(3));
    }
}
