using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Tests.Workflow.Webhooks;

public sealed class WebhookBackoffTests
{
    [Fact]
    public void After_EachAttempt_DoublesWithinTheJitterBand()
    {
        for (int attempt = 1; attempt <= 8; attempt++)
        {
            double expected = 10 * Math.Pow(2, attempt - 1);
            double actual = WebhookBackoff.After(attempt, "msg_a", "wh_1", 10, 360).TotalSeconds;
            Assert.InRange(actual, expected * 0.75, expected * 1.25);
        }
    }

    [Fact]
    public void After_ManyAttempts_IsCappedAtTheMaximumDelay()
    {
        Assert.InRange(WebhookBackoff.After(40, "msg_a", "wh_1", 10, 360).TotalMinutes, 360 * 0.75, 360 * 1.25);
    }

    [Fact]
    public void After_SameInputs_SameDelay_OtherSubscriptionsJitterApart()
    {
        Assert.Equal(WebhookBackoff.After(3, "msg_a", "wh_1", 10, 360), WebhookBackoff.After(3, "msg_a", "wh_1", 10, 360));
        var delays = Enumerable.Range(0, 20).Select(i => WebhookBackoff.After(3, "msg_a", $"wh_{i}", 10, 360)).Distinct().Count();
        Assert.True(delays > 10, $"only {delays} distinct delays for 20 subscriptions");
    }

    [Fact]
    public void After_TinyFirstRetry_NeverUnderTwoSeconds()
    {
        Assert.True(WebhookBackoff.After(1, "msg_a", "wh_1", 1, 360) >= TimeSpan.FromSeconds(2));
    }
}
