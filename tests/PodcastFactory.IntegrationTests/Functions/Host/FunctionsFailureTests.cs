using System.Text.Json;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.FunctionsHost;
using PodcastFactory.IntegrationTests.Api.Contract;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Functions.Host;

/// <summary>Activity failures through the Functions path: the error type survives, so retry policies decide as they do locally.</summary>
public sealed class FunctionsFailureTests(ITestOutputHelper output) : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("pf-func-fail-").FullName;

    [Fact]
    public async Task Activity_NonRetryableFailure_RunsOnceAndTheEpisodeEndsPartialWithoutAudio()
    {
        Dictionary<string, string?> settings = FunctionsHostOptions.ReadLocalSettings();
        settings["Artifacts__Provider"] = "FileSystem";
        settings["Artifacts__RootPath"] = _root;
        settings["Speech__Espeak__ExecutablePath"] = "/nonexistent/espeak-ng";
        settings["Speech__Flite__ExecutablePath"] = "/nonexistent/flite";
        settings["Workflow__MaxParallelSegments"] = "1";
        await using FunctionsAppHost app = await FunctionsAppHost.StartAsync(new FunctionsHostOptions { Settings = settings, RunTimersOnSchedule = false, Log = output.WriteLine });
        using var client = new ContractClient(app.BaseAddress);

        using HttpResponseMessage started = await client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody("fn-nospeech", priority: "audio"));
        JsonElement status = await client.WaitForAsync("fn-nospeech", ContractClient.IsFinished, TimeSpan.FromMinutes(2));

        Assert.Equal("completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("partial", status.GetProperty("outcome").GetString());
        ActivityExecution speech = Assert.Single(app.Ledger.Executions, e => e.Name == nameof(SynthesizeSegmentActivity));
        Assert.False(speech.Succeeded);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
