using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Tests.Workflow.Webhooks;

/// <summary>Which events a subscription wants: its types, its episode (a callback) and its optional show filter.</summary>
public sealed class WebhookSubscriptionTests
{
    static WebhookSubscription Subscription(string? show = null, string? episodeId = null) =>
        new("wh_1", "https://hooks.example.com/", [WebhookEventTypes.Completed, WebhookEventTypes.Failed], show, episodeId, "secret", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(null)]
    [InlineData("tech-weekly")]
    public void Wants_NoShowFilter_GetsEpisodesOfEveryShow(string? show)
    {
        Assert.True(Subscription().Wants(WebhookEventTypes.Completed, "ep-1", show));
    }

    [Fact]
    public void Wants_ShowFilter_GetsOnlyThatShowsEpisodes()
    {
        WebhookSubscription filtered = Subscription(show: "tech-weekly");

        Assert.True(filtered.Wants(WebhookEventTypes.Completed, "ep-1", "tech-weekly"));
        Assert.False(filtered.Wants(WebhookEventTypes.Completed, "ep-1", "other-show"));
        Assert.False(filtered.Wants(WebhookEventTypes.Completed, "ep-1", null));
        Assert.False(filtered.Wants(WebhookEventTypes.Completed, "ep-1", "Tech-Weekly"));
    }

    [Fact]
    public void Wants_EpisodeCallback_GetsItsEpisodeWhateverItsShow_AndNoOther()
    {
        WebhookSubscription callback = Subscription(episodeId: "ep-1");

        Assert.True(callback.Wants(WebhookEventTypes.Failed, "ep-1", "tech-weekly"));
        Assert.False(callback.Wants(WebhookEventTypes.Failed, "ep-2", null));
    }

    [Fact]
    public void Wants_TypeNotSubscribed_IsNotSent()
    {
        Assert.False(Subscription().Wants(WebhookEventTypes.Started, "ep-1", null));
    }
}
