using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class PlanSegmentsActivityTests
{
    const string Id = ActivityBed.Id;
    const int Limit = 120;

    static readonly Script _script = new("Durable workflows",
    [
        new("Alex", "Welcome back to the show."),
        new("Sam", "A durable workflow records every finished step in storage. After a crash it replays that history. "
            + "Finished steps return their recorded results instead of running again. That is why activities must be idempotent."),
        new("Alex", "Welcome back to the show."),
    ], 0);

    static readonly IReadOnlyList<HostVoice> _hosts = [new("Alex", "ash"), new("Sam", "coral")];

    static async Task<(ActivityBed Bed, PlanSegmentsActivity Activity, PlanSegmentsInput Input)> ArrangeAsync()
    {
        ActivityBed bed = await new ActivityBed().WithModelAsync();
        string script = await bed.WriteJsonAsync(ArtifactNames.Script(Id), _script);
        var activity = new PlanSegmentsActivity(bed.Store, bed.Get<ISpeechSynthesizer>());
        return (bed, activity, new PlanSegmentsInput(Id, script, _hosts, Limit, "en"));
    }

    [Fact]
    public async Task RunAsync_TurnLongerThanTheLimit_SplitsAtSentencesAndNamesEachSegmentsSpeechByContent()
    {
        (ActivityBed bed, PlanSegmentsActivity activity, PlanSegmentsInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;

        PlanSegmentsOutput output = await activity.RunAsync(ActivityBed.Context(), input);

        SegmentPlan plan = await bed.ReadJsonAsync<SegmentPlan>(output.PlanArtifact);
        Assert.Equal(ArtifactNames.SegmentPlan(Id), output.PlanArtifact);
        Assert.True(plan.Segments.Count > 3, $"{plan.Segments.Count} segments");
        Assert.Equal(plan.Segments.Count, output.SegmentCount);
        Assert.All(plan.Segments, s => Assert.InRange(s.Text.Length, 1, Limit));
        Assert.Equal(["ash", "coral"], plan.Segments.Select(s => s.Voice).Distinct().Order());
        Assert.Equal(("mp3", _script.WordCount), (output.Extension, output.WordCount));
        Assert.All(plan.Segments, s => Assert.Matches($"^{Id}/speech/[0-9a-f]{{16,}}\\.mp3$", s.Speech!));
        // The opening and closing say the same thing with the same voice: one speech file, paid once.
        Assert.Equal(plan.Segments[0].Speech, plan.Segments[^1].Speech);
        Assert.Equal(output.TotalCharacters - plan.Segments[^1].Text.Length, output.UnvoicedCharacters);
    }

    [Fact]
    public async Task RunAsync_SomeSpeechAlreadyStored_CountsOnlyTheRestAsStillToPay()
    {
        (ActivityBed bed, PlanSegmentsActivity activity, PlanSegmentsInput input) = await ArrangeAsync();
        await using ActivityBed _ = bed;
        PlanSegmentsOutput before = await activity.RunAsync(ActivityBed.Context(), input);
        AudioSegment opening = (await bed.ReadJsonAsync<SegmentPlan>(before.PlanArtifact)).Segments[0];
        await bed.Store.WriteTextAsync(opening.Speech!, "stored speech", null, CancellationToken.None);

        PlanSegmentsOutput after = await activity.RunAsync(ActivityBed.Context(Id + "-revoice-1"), input);

        Assert.Equal(before.UnvoicedCharacters - opening.Text.Length, after.UnvoicedCharacters);
        Assert.Equal(before.TotalCharacters, after.TotalCharacters);
        Assert.Empty(bed.Server!.Requests);
    }
}
