using Microsoft.DurableTask;
using PodcastFactory.Core.Agents.Llm;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Providers.Speech;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Workflow;

public sealed class RetryPoliciesTests
{
    [Theory]
    [InlineData(typeof(AudioFormatMismatchException))]
    [InlineData(typeof(SpeechProviderUnavailableException))]
    [InlineData(typeof(InvalidModelOutputException))]
    // The provider client already sent that call 1 + MaxRetries times: retrying the step would multiply its requests.
    [InlineData(typeof(PodcastFactory.Core.Providers.OpenAI.ProviderTransientException))]
    public void IsRetryable_FailureThatRetryingCannotFix_IsFalse(Type failure) =>
        Assert.False(RetryPolicies.IsRetryable(Failure(failure)));

    [Theory]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(HttpRequestException))]
    public void IsRetryable_TransientFailure_IsTrue(Type failure) =>
        Assert.True(RetryPolicies.IsRetryable(Failure(failure)));

    [Fact]
    public void IsRetryableSpeech_Throttled_IsLeftToTheAudioStage()
    {
        var throttled = new PodcastFactory.Core.Providers.RateLimiting.ProviderThrottledException("azure-openai", TimeSpan.FromSeconds(20), "429");
        var failure = new TaskFailureDetails(throttled.GetType().FullName!, throttled.Message, null, null, null);

        Assert.False(RetryPolicies.IsRetryableSpeech(failure));
        Assert.True(RetryPolicies.IsRetryable(failure));
    }

    static TaskFailureDetails Failure(Type type) => new(type.FullName!, "failed", null, null, null);
}
