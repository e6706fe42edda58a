using PodcastFactory.Core.Models;
using Microsoft.DurableTask;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models.Speech;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// Speaks one segment with its host's voice and writes it content-addressed, as <c>speech/{hash}.ext</c> (the hash of
/// text, voice, provider and model, language and format, and the style and lexicon entries that direct it:
/// <see cref="SpeechContent"/>). Speech already stored under that
/// name, by this run or by an earlier revision of the episode, is not synthesized again (a cache hit at zero cost).
/// </summary>
public sealed class SynthesizeSegmentActivity(IArtifactStore store, ISpeechSynthesizer speech, PaidStep paidStep) : TaskActivity<SynthesizeSegmentInput, SynthesizeSegmentOutput>
{
    /// <inheritdoc />
    public override async Task<SynthesizeSegmentOutput> RunAsync(TaskActivityContext context, SynthesizeSegmentInput input)
    {
        SegmentPlan plan = await store.ReadJsonAsync<SegmentPlan>(input.PlanArtifact, CancellationToken.None);
        if (input.Index < 0 || input.Index >= plan.Segments.Count)
        {
            throw new InvalidOperationException($"Segment {input.Index} does not exist; the plan has {plan.Segments.Count}.");
        }

        AudioSegment segment = plan.Segments[input.Index];
        string hash = SpeechContent.Hash(segment.Text, segment.Voice, speech.CacheKey, input.Language, plan.Format.ToString(), segment.Style, segment.Lexicon);
        string name = SpeechContent.Name(input.EpisodeId, hash, AudioStitcherFactory.FileExtension(plan.Format));
        PaidStepResult<long> result = await paidStep.RunAsync(
            new PaidStepKey(input.EpisodeId, context.InstanceId, AgentNames.AudioSynthesizer, "characters", name, hash, Slot: ArtifactNames.SegmentSlot(input.Index)),
            reuse: async () => (await store.GetInfoAsync(name, CancellationToken.None))!.Length,
            pay: async () =>
            {
                using var audio = new MemoryStream();
                AgentUsage usage = await speech.SynthesizeAsync(
                    new SpeechInput(segment.Text, segment.Voice, input.Language, segment.Style, segment.Lexicon), audio, CancellationToken.None);
                if (audio.Length == 0)
                {
                    throw new InvalidDataException($"{speech.Name} returned no audio for segment {input.Index + 1}.");
                }

                audio.Position = 0;
                // Judged on what is said (the lexicon's words), not on the marks around it.
                SpeechPlausibility.EnsurePlausible(SpeechMarks.Strip(segment.SpokenText ?? segment.Text), await AudioProbe.DurationAsync(name, audio, CancellationToken.None), $"{speech.Name} segment {input.Index + 1}");
                audio.Position = 0;
                ArtifactInfo info = await store.WriteAsync(name, audio, ContentTypes.ForName(name), hash, CancellationToken.None);
                return new AgentResult<long>(info.Length, usage);
            },
            save: _ => Task.CompletedTask);
        return new SynthesizeSegmentOutput(name, result.Value, result.Usage);
    }
}
