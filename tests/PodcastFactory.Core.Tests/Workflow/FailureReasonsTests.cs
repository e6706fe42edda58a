using Microsoft.DurableTask;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Workflow;

public sealed class FailureReasonsTests
{
    [Theory]
    [InlineData("Task 'SynthesizeSegmentActivity' (#27) failed with an unhandled exception: espeak-ng failed: no voice", "Stage 'audio' failed: espeak-ng failed: no voice")]
    [InlineData("Task 'AudioOrchestrator' (#9) failed with an unhandled exception: Task 'StitchAudioActivity' (#4) failed with an unhandled exception: bad wav", "Stage 'audio' failed: bad wav")]
    [InlineData("Stage 'research' failed: Task 'ResearchAngleActivity' (#2) failed with an unhandled exception: timeout", "Stage 'research' failed: timeout")]
    [InlineData("Task 'WriteManifestActivity' (#40) failed with an unhandled exception.", "Stage 'manifest' failed: no reason was recorded")]
    [InlineData("Task 'SomethingElse' (#1) failed with an unhandled exception: boom", "boom")]
    [InlineData("plain reason", "plain reason")]
    [InlineData("", "failed (no reason was recorded)")]
    [InlineData(null, "failed (no reason was recorded)")]
    public void Clean_FrameworkWrappedMessage_NamesStageAndReasonOnly(string? message, string expected)
    {
        Assert.Equal(expected, FailureReasons.Clean(message));
    }

    [Fact]
    public void Of_WrappedSubOrchestrationFailure_ReturnsTheUnderlyingReason()
    {
        var details = new TaskFailureDetails("Microsoft.DurableTask.TaskFailedException",
            "Task 'SynthesizeSegmentActivity' (#27) failed with an unhandled exception: Voice 'xx' does not exist.", null, null, null);

        Assert.Equal("Voice 'xx' does not exist.", FailureReasons.Of(details));
    }
}
