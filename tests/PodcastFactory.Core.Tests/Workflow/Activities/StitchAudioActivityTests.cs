using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Audio;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class StitchAudioActivityTests
{
    const string Id = ActivityBed.Id;
    static readonly WavFormat _format = new(16000, 1, 16);

    // Three one-second segments with 500 ms and 250 ms pauses after the first two.
    static async Task<StitchAudioInput> ArrangeAsync(ActivityBed bed)
    {
        var segments = new List<AudioSegment>
        {
            new(0, "Alex", "flite:rms", "One.", 500, 0),
            new(1, "Sam", "flite:slt", "Two.", 250, 1),
            new(2, "Alex", "flite:rms", "Three.", 0, 2),
        };
        string plan = await bed.WriteJsonAsync(ArtifactNames.SegmentPlan(Id), new SegmentPlan(segments, AudioFormat.Wav));
        var names = new List<string>();
        for (int i = 0; i < segments.Count; i++)
        {
            string name = $"{Id}/speech/{i}.wav";
            await using var wav = new MemoryStream(TestAudio.SineWav(_format, _format.SampleRate, 220 * (i + 1)));
            await bed.Store.WriteAsync(name, wav, ContentTypes.ForName(name), null, CancellationToken.None);
            names.Add(name);
        }

        return new StitchAudioInput(Id, plan, names, "wav");
    }

    [Fact]
    public async Task RunAsync_ThreeSegments_WritesEpisodeWavWithTheSegmentsAndTheirPausesInOrder()
    {
        await using var bed = new ActivityBed();
        StitchAudioInput input = await ArrangeAsync(bed);

        StitchAudioOutput output = await new StitchAudioActivity(bed.Store).RunAsync(ActivityBed.Context(), input);

        Assert.Equal(ArtifactNames.EpisodeAudio(Id, "wav"), output.Artifact);
        Assert.Equal(3, output.SegmentCount);
        Assert.Equal(3.75, output.DurationSeconds, precision: 3);
        ArtifactInfo stored = (await bed.Store.GetInfoAsync(output.Artifact, default))!;
        Assert.Equal(output.Bytes, stored.Length);
        await using Stream wav = await bed.Store.OpenReadAsync(output.Artifact, default);
        Assert.Equal(3.75, (await AudioProbe.DurationAsync(output.Artifact, wav, default)).TotalSeconds, precision: 3);
    }

    [Fact]
    public async Task RunAsync_FewerSegmentsThanThePlan_RefusesAndWritesNoEpisode()
    {
        await using var bed = new ActivityBed();
        StitchAudioInput input = await ArrangeAsync(bed);

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new StitchAudioActivity(bed.Store).RunAsync(ActivityBed.Context(), input with { SegmentArtifacts = input.SegmentArtifacts.Take(2).ToList() }));

        Assert.Contains("3 segments but 2", error.Message, StringComparison.Ordinal);
        Assert.False(await bed.ExistsAsync(ArtifactNames.EpisodeAudio(Id, "wav")));
    }
}
