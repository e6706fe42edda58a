using System.Globalization;
using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary><c>quality.json</c>: the final checks of every promised artifact.</summary>
public sealed record QualityReport(string EpisodeId, bool Passed, IReadOnlyList<ReviewCheck> Checks);

/// <summary>
/// Checks that every promised artifact exists and is plausible: research and script present, audio duration
/// consistent with the word count, the social post within its platform's limit. Findings become warnings.
/// </summary>
public sealed class FinalEvaluationActivity(IArtifactStore store) : TaskActivity<FinalEvaluationInput, FinalEvaluationOutput>
{
    /// <summary>Plausible speaking rates (words per minute) for the stitched audio.</summary>
    public const double MinWordsPerMinute = 80, MaxWordsPerMinute = 260;

    /// <inheritdoc />
    public override async Task<FinalEvaluationOutput> RunAsync(TaskActivityContext context, FinalEvaluationInput input)
    {
        string id = input.EpisodeId;
        var checks = new List<ReviewCheck>
        {
            await ExistsAsync("research", ArtifactNames.Research(id)),
            await ExistsAsync("script", input.ScriptArtifact),
        };
        if (input.AudioPromised)
        {
            checks.Add(input.AudioArtifact is null
                ? new ReviewCheck("audio", false, "audio was promised but not produced")
                : await AudioCheckAsync(input.AudioArtifact, input.WordCount));
        }

        if (input.SocialPromised)
        {
            checks.Add(input.SocialArtifact is null
                ? new ReviewCheck("social", false, "a social post was promised but not produced")
                : await SocialCheckAsync(input.SocialArtifact));
        }

        var report = new QualityReport(id, checks.All(c => c.Passed), checks);
        string name = ArtifactNames.Quality(id);
        await store.WriteJsonAsync(name, report, inputHash: null, CancellationToken.None);
        return new FinalEvaluationOutput(name, report.Passed, checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList());
    }

    async Task<ReviewCheck> ExistsAsync(string check, string name) =>
        await store.GetInfoAsync(name, CancellationToken.None) is { Length: > 0 } info
            ? new ReviewCheck(check, true, Invariant($"{name} ({info.Length} bytes)"))
            : new ReviewCheck(check, false, $"{name} is missing or empty");

    async Task<ReviewCheck> AudioCheckAsync(string name, int words)
    {
        TimeSpan duration;
        await using (Stream stream = await store.OpenReadAsync(name, CancellationToken.None))
        {
            duration = await AudioProbe.DurationAsync(name, stream, CancellationToken.None);
        }

        double wpm = duration.TotalMinutes > 0 ? words / duration.TotalMinutes : double.PositiveInfinity;
        bool plausible = wpm is >= MinWordsPerMinute and <= MaxWordsPerMinute;
        return new ReviewCheck("audio", plausible, Invariant(
            $"{duration.TotalSeconds:0.0} s for {words} words = {wpm:0} words/min (plausible {MinWordsPerMinute:0}-{MaxWordsPerMinute:0})"));
    }

    async Task<ReviewCheck> SocialCheckAsync(string name)
    {
        SocialPost post = SocialMarkdown.Parse(await store.ReadTextAsync(name, CancellationToken.None));
        bool ok = post.Text.Length is > 0 && post.Text.Length <= post.MaxLength;
        return new ReviewCheck("social", ok, Invariant($"{post.Text.Length}/{post.MaxLength} characters for {post.Platform}"));
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
