using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Core;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Bench.Running;

/// <summary>
/// The classic shape: the same activities and delayed agents, called one at a time in a plain loop with no Durable
/// Task (research angles one by one, script, review(s), social, every segment one by one, stitch, evaluation,
/// manifest). Same artifacts on disk, no parallelism, no checkpoints.
/// </summary>
public sealed class SequentialPipeline : IAsyncDisposable
{
    readonly ServiceProvider _services;
    readonly IArtifactStore _store;

    /// <summary>Wires AddPodcastFactory with the delayed fakes and a file-system store under <paramref name="root"/>.</summary>
    public SequentialPipeline(LatencyInjector latency, string root)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Artifacts:Provider"] = "FileSystem", ["Artifacts:RootPath"] = root })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddPodcastFactory(configuration);
        services.AddDelayedProviders(latency);
        _services = services.BuildServiceProvider();
        _store = _services.GetRequiredService<IArtifactStore>();
    }

    /// <summary>Produces one episode.</summary>
    public async Task RunAsync(string id, int segmentMaxCharacters)
    {
        EpisodeRequest request = BenchEpisode.Request();
        SourceInput source = request.Sources[0];
        await _store.WriteTextAsync(ArtifactNames.Source(id, 0), source.Value, InputHash.Of(source.Value), CancellationToken.None);
        var sources = new List<SourceRef> { new(source.Name!, ArtifactNames.Source(id, 0)) };
        EpisodePlan plan = EpisodePlanner.Plan(request);
        var brief = new ScriptBrief(request.Topic, request.Hosts, request.TargetMinutes, request.Language, segmentMaxCharacters, request.Format, request.Instructions);

        var angles = new List<string>();
        for (int i = 0; i < plan.Angles.Count; i++)
        {
            ResearchAngleOutput angle = await Run<ResearchAngleActivity, ResearchAngleInput, ResearchAngleOutput>(
                id, new(id, request.Topic, plan.Angles[i], i, request.Language, sources));
            angles.Add(angle.JsonArtifact);
        }

        MergeResearchOutput research = await Run<MergeResearchActivity, MergeResearchInput, MergeResearchOutput>(id, new(id, request.Topic, angles));
        WriteScriptOutput script = await Run<WriteScriptActivity, WriteScriptInput, WriteScriptOutput>(id, new(id, brief, research.JsonArtifact, 0));
        for (int revision = 0; ; revision++)
        {
            ReviewScriptOutput review = await Run<ReviewScriptActivity, ReviewScriptInput, ReviewScriptOutput>(
                id, new(id, brief, research.JsonArtifact, script.RevisionArtifact, revision));
            if (review.Passed || revision == plan.MaxRevisions)
            {
                break;
            }

            script = await Run<WriteScriptActivity, WriteScriptInput, WriteScriptOutput>(id, new(id, brief, research.JsonArtifact, revision + 1));
        }

        WriteSocialPostOutput social = await Run<WriteSocialPostActivity, WriteSocialPostInput, WriteSocialPostOutput>(
            id, new(id, request.Topic, script.Artifact, research.JsonArtifact));
        PlanSegmentsOutput segments = await Run<PlanSegmentsActivity, PlanSegmentsInput, PlanSegmentsOutput>(
            id, new(id, script.Artifact, request.Hosts, segmentMaxCharacters));
        var audio = new List<string>();
        for (int i = 0; i < segments.SegmentCount; i++)
        {
            SynthesizeSegmentOutput segment = await Run<SynthesizeSegmentActivity, SynthesizeSegmentInput, SynthesizeSegmentOutput>(
                id, new(id, segments.PlanArtifact, i, request.Language));
            audio.Add(segment.Artifact);
        }

        StitchAudioOutput episode = await Run<StitchAudioActivity, StitchAudioInput, StitchAudioOutput>(
            id, new(id, segments.PlanArtifact, audio, segments.Extension));
        await Run<FinalEvaluationActivity, FinalEvaluationInput, FinalEvaluationOutput>(
            id, new(id, script.Artifact, script.WordCount, true, episode.Artifact, true, social.Artifact));
        await Run<WriteManifestActivity, WriteManifestInput, WriteManifestOutput>(
            id, new(id, request with { Sources = [] }, "completed", null, DateTime.UtcNow, [], [], []));
    }

    Task<TOut> Run<TActivity, TIn, TOut>(string id, TIn input)
        where TActivity : TaskActivity<TIn, TOut> =>
        _services.GetRequiredService<TActivity>().RunAsync(new BenchActivityContext(typeof(TActivity).Name, id), input);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
