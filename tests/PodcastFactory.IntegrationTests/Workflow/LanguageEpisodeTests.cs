using System.Text.Json;
using System.Xml.Linq;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.IntegrationTests.Workflow;

/// <summary>
/// Offline episodes from a Spanish and a German source (original fixture articles), voiced by espeak-ng and published:
/// the script is in the language (function-word share), the default flite hosts speak as espeak-ng's voice for the
/// language (said in a warning; espeak-ng writes 22.05 kHz where flite writes 16 kHz), and the published files say the
/// language. Both run in one local runtime each, two minutes long, to keep the suite's budget.
/// </summary>
public sealed class LanguageEpisodeTests
{
    [Theory]
    [InlineData("huertos-urbanos.es.md", "Los huertos urbanos comunitarios", "es", "Introducción", "Capítulos")]
    [InlineData("schwammstadt.de.md", "Die Schwammstadt", "de", "Einleitung", "Kapitel")]
    public async Task Produce_SourceInLanguage_ScriptVoiceAndPublishedFilesAreInIt(string fixture, string topic, string language, string introChapter, string chaptersHeading)
    {
        await using var runner = new LocalEpisodeRunner();
        var request = new EpisodeRequest
        {
            Topic = topic,
            Language = language,
            Sources = [new SourceInput(SourceKind.File, LocalEpisodeRunner.Fixture(Path.Combine("languages", fixture)))],
            TargetMinutes = 2,
            Depth = ResearchDepth.Quick,
            Priority = OutputPriority.Audio,
        };

        (_, EpisodeResult? result) = await runner.ProduceAsync(request, "lang-" + language);

        Assert.NotNull(result);
        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        var script = Read<Script>(runner, $"lang-{language}/script.json");
        Assert.Equal(language, LanguageShare.Measure(string.Join("\n", script.Turns.Select(t => t.Text)))[0].Code);
        Assert.Equal(introChapter, script.Turns[0].Chapter);

        // Voice: flite is English only, so the default hosts speak as espeak-ng's voice for the language, and a warning says so.
        string espeak = LanguagePacks.Find(language)!.EspeakVoice;
        Assert.Contains(result.Warnings, w => w.Contains($"as espeak-ng voice '{espeak}+m3'", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains($"as espeak-ng voice '{espeak}+f3'", StringComparison.Ordinal));
        SegmentPlan plan = Read<SegmentPlan>(runner, $"lang-{language}/audio/segments.json");
        await using (FileStream speech = File.OpenRead(runner.PathOf(plan.Segments[0].Speech!)))
        {
            Assert.Equal(22050, (await WavHeader.ReadAsync(speech, CancellationToken.None)).Format.SampleRate);
        }

        // Published files: the item says its language (the root feed is English by configuration), and so do the notes.
        XElement item = XDocument.Load(runner.PathOf("feed.xml")).Descendants("item").Single();
        Assert.Equal(language, item.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.All(item.Elements(PodcastFeed.Podcast + "transcript"), t => Assert.Equal(language, t.Attribute("language")?.Value));
        string notes = await File.ReadAllTextAsync(runner.PathOf($"lang-{language}/show-notes.html"));
        Assert.StartsWith($"<div lang=\"{language}\">", notes, StringComparison.Ordinal);
        Assert.Contains($"<h2>{chaptersHeading}</h2>", notes, StringComparison.Ordinal);
        using JsonDocument chapters = JsonDocument.Parse(await File.ReadAllTextAsync(runner.PathOf($"lang-{language}/chapters.json")));
        Assert.Equal(introChapter, chapters.RootElement.GetProperty("chapters")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Produce_LanguageWithoutOfflineLines_IsRefusedAtStartNamingLanguage()
    {
        await using var runner = new LocalEpisodeRunner();

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => runner.ProduceAsync(
            new EpisodeRequest { Topic = "Sushi", Language = "ja", Sources = [new SourceInput(SourceKind.Text, "Sushi is rice with fish.")] }, "lang-ja"));

        ValidationError error = Assert.Single(ex.Errors);
        Assert.Equal("language", error.Field);
        Assert.Contains("de, en, es, fr", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(runner.PathOf("lang-ja")));
    }

    static T Read<T>(LocalEpisodeRunner runner, string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(runner.PathOf(name)), PodcastJson.Options)!;
}
