using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Audio;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class FinalEvaluationActivityTests
{
    const string Id = ActivityBed.Id;
    static readonly WavFormat _format = new(8000, 1, 16);

    // research.md, script.json and a 60-second episode.wav: every promised artifact there.
    static async Task<FinalEvaluationInput> ArrangeAsync(ActivityBed bed, int words)
    {
        await bed.Store.WriteTextAsync(ArtifactNames.Research(Id), "# Research\n", null, CancellationToken.None);
        await bed.WriteJsonAsync(ArtifactNames.Script(Id), new Script("T", [new ScriptTurn("Alex", "Hello there.")], 0));
        string audio = ArtifactNames.EpisodeAudio(Id, "wav");
        await using var wav = new MemoryStream(TestAudio.SineWav(_format, _format.SampleRate * 60));
        await bed.Store.WriteAsync(audio, wav, ContentTypes.ForName(audio), null, CancellationToken.None);
        return new FinalEvaluationInput(Id, ArtifactNames.Script(Id), words, AudioPromised: true, audio, SocialPromised: false, null);
    }

    [Fact]
    public async Task RunAsync_EverythingPromisedIsThereAndPlausible_PassesAndWritesQualityJson()
    {
        await using var bed = new ActivityBed();
        FinalEvaluationInput input = await ArrangeAsync(bed, words: 150);

        FinalEvaluationOutput output = await new FinalEvaluationActivity(bed.Store).RunAsync(ActivityBed.Context(), input);

        Assert.True(output.Passed);
        Assert.Empty(output.Findings);
        QualityReport report = await bed.ReadJsonAsync<QualityReport>(ArtifactNames.Quality(Id));
        Assert.Equal(["research", "script", "audio"], report.Checks.Select(c => c.Name));
        Assert.Contains("60.0 s for 150 words = 150 words/min", report.Checks[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AudioTooShortForTheWordsAndSocialPromisedButMissing_ReportsBothAsFindings()
    {
        await using var bed = new ActivityBed();
        FinalEvaluationInput input = await ArrangeAsync(bed, words: 600) with { SocialPromised = true };

        FinalEvaluationOutput output = await new FinalEvaluationActivity(bed.Store).RunAsync(ActivityBed.Context(), input);

        Assert.False(output.Passed);
        Assert.Equal(2, output.Findings.Count);
        Assert.StartsWith("audio: 60.0 s for 600 words = 600 words/min", output.Findings[0], StringComparison.Ordinal);
        Assert.Equal("social: a social post was promised but not produced", output.Findings[1]);
        Assert.False((await bed.ReadJsonAsync<QualityReport>(ArtifactNames.Quality(Id))).Passed);
    }

    [Fact]
    public async Task RunAsync_SocialPostOverItsLimitAndResearchMissing_FailsNamingEach()
    {
        await using var bed = new ActivityBed();
        FinalEvaluationInput input = await ArrangeAsync(bed, words: 150);
        await bed.Store.DeleteAsync(ArtifactNames.Research(Id), CancellationToken.None);
        string social = ArtifactNames.Social(Id);
        await bed.Store.WriteTextAsync(social, SocialMarkdown.Render(new SocialPost("x", new string('a', 300), 280)), null, CancellationToken.None);

        FinalEvaluationOutput output = await new FinalEvaluationActivity(bed.Store).RunAsync(ActivityBed.Context(), input with { SocialPromised = true, SocialArtifact = social });

        Assert.Equal([$"research: {ArtifactNames.Research(Id)} is missing or empty", "social: 300/280 characters for x"], output.Findings);
    }
}
