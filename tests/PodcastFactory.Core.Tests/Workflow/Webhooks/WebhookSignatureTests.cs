using System.Text;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Tests.Workflow.Webhooks;

public sealed class WebhookSignatureTests
{
    // The Standard Webhooks specification's reference vector (its libraries' tests use it).
    const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const long SpecTimestamp = 1614265330;
    const string SpecBody = """{"test": 2432232314}""";

    [Fact]
    public void Sign_SpecificationVector_MatchesTheReferenceSignature()
    {
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(SpecSecret, SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody)));
    }

    [Fact]
    public void Verify_ChangedBodyIdOrTimestamp_IsFalse()
    {
        byte[] body = Encoding.UTF8.GetBytes(SpecBody);
        string header = WebhookSignature.Sign(SpecSecret, SpecId, SpecTimestamp, body);
        Assert.True(WebhookSignature.Verify(SpecSecret, SpecId, SpecTimestamp, body, "v1,bm90IGl0 " + header));
        Assert.False(WebhookSignature.Verify(SpecSecret, SpecId, SpecTimestamp, Encoding.UTF8.GetBytes(SpecBody + " "), header));
        Assert.False(WebhookSignature.Verify(SpecSecret, SpecId + "x", SpecTimestamp, body, header));
        Assert.False(WebhookSignature.Verify(SpecSecret, SpecId, SpecTimestamp + 1, body, header));
    }

    [Fact]
    public void NewSecret_IsWhsecWithThirtyTwoKeyBytes_AndNeverRepeats()
    {
        string a = WebhookSignature.NewSecret(), b = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", a, StringComparison.Ordinal);
        Assert.Equal(32, WebhookSignature.KeyOf(a)!.Length);
        Assert.NotEqual(a, b);
        Assert.Null(WebhookSignature.KeyOf("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        Assert.Null(WebhookSignature.KeyOf("whsec_not base64!"));
    }

    [Fact]
    public void MessageId_SameInstanceAndType_IsStable_AndDiffersPerType()
    {
        Assert.Equal(WebhookSignature.MessageId("ep-1", WebhookEventTypes.Completed), WebhookSignature.MessageId("ep-1", WebhookEventTypes.Completed));
        Assert.NotEqual(WebhookSignature.MessageId("ep-1", WebhookEventTypes.Completed), WebhookSignature.MessageId("ep-1", WebhookEventTypes.Started));
        Assert.NotEqual(WebhookSignature.MessageId("ep-1", WebhookEventTypes.Published), WebhookSignature.MessageId("ep-1-revoice-1", WebhookEventTypes.Published));
    }
}
