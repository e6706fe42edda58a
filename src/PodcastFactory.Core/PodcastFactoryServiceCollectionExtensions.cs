using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Agents.Llm;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Artifacts.Series;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Core.Providers.AzureSpeech;
using PodcastFactory.Core.Providers.ElevenLabs;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.Speech;
using PodcastFactory.Core.Scheduling;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Fetching;
using PodcastFactory.Core.Sources.Web;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Previews;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow.Shows;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core;

/// <summary>The single DI entry point shared by the Functions app, the local runner and the tests.</summary>
public static class PodcastFactoryServiceCollectionExtensions
{
    /// <summary>Registers options (validated at start), the artifact and backlog stores, agents, providers, activities, the starter, the scheduler and the HTTP API handlers.</summary>
    public static IServiceCollection AddPodcastFactory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ArtifactStoreOptions>(ArtifactStoreOptions.SectionName);
        services.AddValidatedOptions<TextModelOptions>(TextModelOptions.SectionName);
        services.AddValidatedOptions<SpeechOptions>(SpeechOptions.SectionName);
        services.AddValidatedOptions<WorkflowOptions>(WorkflowOptions.SectionName);
        services.AddValidatedOptions<SchedulerOptions>(SchedulerOptions.SectionName);
        services.AddValidatedOptions<PricingOptions>(PricingOptions.SectionName);
        services.AddValidatedOptions<PublishingOptions>(PublishingOptions.SectionName);
        services.AddValidatedOptions<FeedOptions>(FeedOptions.SectionName);
        services.AddValidatedOptions<ApiOptions>(ApiOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddBoundedFetcher();
        services.AddWebhooks();
        services.AddWebSearch(configuration);
        services.TryAddSingleton<PageCapturer>();
        services.TryAddTransient<WebResearcher>();
        services.TryAddSingleton<SourceLoader>();
        services.TryAddTransient<EpisodeStarter>();
        services.TryAddTransient<LanguageGate>();
        services.TryAddSingleton<QuoteStore>();
        services.TryAddSingleton<QuoteCalculator>();
        services.TryAddTransient<Quoter>();
        services.TryAddTransient<StartGate>();
        services.TryAddTransient<PaidStep>();

        services.TryAddSingleton<IArtifactStore>(sp => ArtifactStoreFactory.Create(sp.GetRequiredService<IOptions<ArtifactStoreOptions>>().Value));
        services.TryAddSingleton<IBacklogStore>(sp => BacklogStoreFactory.Create(
            sp.GetRequiredService<IOptions<ArtifactStoreOptions>>().Value,
            sp.GetRequiredService<IOptions<SchedulerOptions>>().Value,
            sp.GetRequiredService<IArtifactStore>()));
        services.TryAddSingleton<IFeedStore>(sp => FeedStoreFactory.Create(sp.GetRequiredService<IOptions<ArtifactStoreOptions>>().Value));
        services.TryAddSingleton<IShowBibleStore>(sp => ShowBibles.Create(sp.GetRequiredService<IOptions<ArtifactStoreOptions>>().Value));
        services.TryAddSingleton<FeedAddress>();
        services.TryAddSingleton<ShowStore>();
        services.TryAddSingleton<ShowArtworkStore>();
        services.TryAddSingleton<ShowRules>();
        services.TryAddSingleton<ShowFeeds>();
        services.TryAddSingleton<IShowFeeds>(sp => sp.GetRequiredService<ShowFeeds>());
        services.TryAddTransient<EpisodePublisher>();
        services.TryAddSingleton<PublishQueue>();
        services.TryAddTransient<FeedApi>();
        services.TryAddTransient<VoicesApi>();
        services.TryAddSingleton(sp => new PreviewMp3(sp.GetRequiredService<IOptions<PublishingOptions>>().Value));
        services.TryAddTransient<VoicePreviewer>();
        services.TryAddTransient<VoicePreviewApi>();
        services.TryAddSingleton<CrossSiteGuard>();
        services.TryAddTransient<EpisodeScheduler>();
        services.TryAddTransient<EpisodeStatusReader>();
        services.TryAddTransient<EpisodeApi>();
        services.TryAddTransient<BacklogApi>();
        services.TryAddTransient<ScriptEditor>();
        services.TryAddTransient<ScriptApi>();
        services.TryAddTransient<ReviewApi>();
        services.TryAddTransient<WebhookApi>();
        services.TryAddTransient<ShowApi>();
        services.TryAddTransient<ShowArtworkApi>();
        services.TryAddTransient<QuoteApi>();
        services.TryAddTransient<Workflow.Review.EpisodeDecisions>();
        services.AddProviders(configuration);
        services.AddOfflineAgents();

        foreach (Type activity in WorkflowTasks.Activities)
        {
            services.TryAddTransient(activity);
        }

        return services;
    }

    // Chooses providers by configuration; offline is the default. Runs before AddOfflineAgents, whose TryAdd fills
    // only what is not registered here.
    static IServiceCollection AddProviders(this IServiceCollection services, IConfiguration configuration)
    {
        TextModelOptions text = configuration.GetSection(TextModelOptions.SectionName).Get<TextModelOptions>() ?? new TextModelOptions();
        SpeechOptions speech = configuration.GetSection(SpeechOptions.SectionName).Get<SpeechOptions>() ?? new SpeechOptions();
        services.TryAddSingleton<PriceTable>();
        if (text.Provider != ModelProviderKind.Offline)
        {
            services.AddLlmAgents(text);
        }

        if (speech.Provider == ModelProviderKind.Offline)
        {
            services.AddValidatedOptions<EspeakOptions>(EspeakOptions.SectionName);
            services.AddValidatedOptions<FliteOptions>(FliteOptions.SectionName);
            services.TryAddSingleton<EspeakSpeechSynthesizer>();
            services.TryAddSingleton<EspeakVoiceCatalog>();
            services.TryAddSingleton<FliteSpeechSynthesizer>();
            services.TryAddSingleton<ISpeechSynthesizer, LocalSpeechSynthesizer>();
        }
        else if (speech.Provider == ModelProviderKind.AzureSpeech)
        {
            services.AddAzureSpeech(speech);
        }
        else if (speech.Provider == ModelProviderKind.ElevenLabs)
        {
            services.AddElevenLabsSpeech(speech);
        }
        else
        {
            services.AddOpenAISpeech(speech);
        }

        if (text.Provider == ModelProviderKind.Offline && speech.Provider == ModelProviderKind.Offline)
        {
            services.TryAddSingleton<ICostEstimator, FreeCostEstimator>();
            services.TryAddSingleton(new QuoteModels(null, null));
        }
        else
        {
            services.TryAddSingleton(new QuoteModels(
                text.Provider == ModelProviderKind.Offline ? null : ChatClientFactory.PricedModel(text.Model, text.Deployment),
                speech.Provider == ModelProviderKind.Offline ? null : speech.PricedModel()));
            services.TryAddSingleton<ICostEstimator>(sp => new PricedCostEstimator(
                sp.GetRequiredService<PriceTable>(),
                text.Provider == ModelProviderKind.Offline ? null : ChatClientFactory.PricedModel(text.Model, text.Deployment),
                speech.Provider == ModelProviderKind.Offline ? null : speech.PricedModel()));
        }

        return services;
    }

    static void AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
