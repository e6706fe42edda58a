using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// Splits the approved script into speech segments (turn and sentence boundaries, under the character limit) and
/// writes the plan as <c>audio/segments.json</c>, each segment with the name of its content-addressed speech; the
/// segment activities then receive only an index.
/// </summary>
public sealed class PlanSegmentsActivity(IArtifactStore store, ISpeechSynthesizer speech) : TaskActivity<PlanSegmentsInput, PlanSegmentsOutput>
{
    /// <inheritdoc />
    public override async Task<PlanSegmentsOutput> RunAsync(TaskActivityContext context, PlanSegmentsInput input)
    {
        Script script = await store.ReadJsonAsync<Script>(input.ScriptArtifact, CancellationToken.None);
        int limit = Math.Min(input.MaxCharacters, speech.MaxInputCharacters);
        SegmentPlan plan = new ScriptSegmenter(limit).Plan(script, input.Hosts, speech.Format, input.Lexicon);
        if (input.Language is { } language)
        {
            // The same name the segment activity derives: readers of the plan find each segment's speech without a run's output.
            string extension = AudioStitcherFactory.FileExtension(plan.Format);
            plan = plan with
            {
                Segments = plan.Segments.Select(s => s with
                {
                    Speech = SpeechContent.Name(input.EpisodeId, SpeechContent.Hash(s.Text, s.Voice, speech.CacheKey, language, plan.Format.ToString(), s.Style, s.Lexicon), extension),
                }).ToList(),
            };
        }

        // What still has to be paid for: segments whose speech is not stored yet (a re-voice reuses the rest).
        long unvoiced = plan.Segments.Where(s => s.Speech is null).Sum(s => (long)s.Text.Length);
        foreach (AudioSegment segment in plan.Segments.Where(s => s.Speech is not null).DistinctBy(s => s.Speech))
        {
            if (await store.GetInfoAsync(segment.Speech!, CancellationToken.None) is null)
            {
                unvoiced += segment.Text.Length;
            }
        }

        string name = ArtifactNames.SegmentPlan(input.EpisodeId);
        await store.WriteJsonAsync(name, plan, InputHash.Of(script, input.Hosts, limit, speech.CacheKey, input.Language, input.Lexicon ?? []), CancellationToken.None);
        // A host voice the provider speaks through another voice in this language (flite is English only) is said once.
        List<string> warnings = input.Language is { } spoken
            ? input.Hosts.Select(h => speech.VoiceSubstitution(h.Voice, spoken)).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new PlanSegmentsOutput(name, plan.Segments.Count, plan.Segments.Sum(s => (long)s.Text.Length), AudioStitcherFactory.FileExtension(plan.Format), script.WordCount, unvoiced,
            warnings.Count > 0 ? warnings : null);
    }
}
