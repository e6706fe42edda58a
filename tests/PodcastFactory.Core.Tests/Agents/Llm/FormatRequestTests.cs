using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Agents.Llm;

/// <summary>Issue 24 items 2 and 3 on the model path: the writer and the judge get the cast, the format's arc and the instructions.</summary>
public sealed class FormatRequestTests
{
    const string Instructions = "Keep it friendly and end on the open questions.";
    static readonly ResearchNotes _research = new("Durable workflows", "merged", "",
    [
        new ResearchNote("Durable workflows record every completed step in an append-only history.", "notes.md", "sentence 1", 1),
        new ResearchNote("Every step writes to storage, which is the trade-off.", "notes.md", "sentence 2", 0.9),
    ], HasSources: true);

    static ScriptBrief Brief(string format, int hosts) => new("Durable workflows",
        [.. new[] { new HostVoice("Alex", "alloy"), new HostVoice("Sam", "nova"), new HostVoice("Jordan", "echo"), new HostVoice("Casey", "fable") }.Take(hosts)],
        5, "en", 600, format, Instructions);

    static (string System, string User) Messages(FakeOpenAIServer server)
    {
        JsonNode body = JsonNode.Parse(server.ChatRequests.Last().Body)!;
        return (EpisodeResponder.Message(body, "system"), EpisodeResponder.Message(body, "user"));
    }

    [Theory]
    [InlineData(EpisodeFormats.Debate, 4, "A debate: the hosts take opposing positions (Alex for, Sam against, Jordan for and Casey against)")]
    [InlineData(EpisodeFormats.Interview, 3, "An interview: Jordan is the guest")]
    [InlineData(EpisodeFormats.Panel, 3, "A panel of three or four")]
    [InlineData(EpisodeFormats.Critique, 2, "What holds up: its strengths")]
    [InlineData(EpisodeFormats.Solo, 1, "Alex narrates alone")]
    public async Task WriteAsync_Format_SystemCarriesCastAndArcUserCarriesInstructionsAsData(string format, int hosts, string arc)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        ScriptBrief brief = Brief(format, hosts);
        server.Responder = EpisodeResponder.For(brief);
        await using ServiceProvider services = ProviderStack.Azure(server);

        await services.GetRequiredService<IScriptAgent>().WriteAsync(brief, _research, CancellationToken.None);

        (string system, string user) = Messages(server);
        Assert.Contains(arc, system, StringComparison.Ordinal);
        Assert.Contains($"Format: {format}.", system, StringComparison.Ordinal);
        Assert.All(brief.Hosts, h => Assert.Contains($"- {h.Name} is ", system, StringComparison.Ordinal));
        Assert.DoesNotContain(Instructions, system, StringComparison.Ordinal);
        Assert.Contains($"<<<PRODUCER INSTRUCTIONS>>>\n{Instructions}\n<<<END PRODUCER INSTRUCTIONS>>>", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ThreeHosts_AsksForEverySpeakerAndTheGroupShare()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        ScriptBrief brief = Brief(EpisodeFormats.DeepDive, 3);
        server.Responder = EpisodeResponder.For(brief);
        await using ServiceProvider services = ProviderStack.Azure(server);

        await services.GetRequiredService<IScriptAgent>().WriteAsync(brief, _research, CancellationToken.None);

        (string system, _) = Messages(server);
        Assert.StartsWith("You write scripts for a podcast with three hosts, Alex, Sam and Jordan.", system, StringComparison.Ordinal);
        Assert.Contains("`speaker` is exactly \"Alex\" or \"Sam\" or \"Jordan\"", system, StringComparison.Ordinal);
        Assert.Contains("nobody speaks less than 15%", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_Format_JudgeGetsTheArcAndTheInstructionsAsData()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        ScriptBrief brief = Brief(EpisodeFormats.Debate, 2);
        server.Responder = EpisodeResponder.For(brief);
        await using ServiceProvider services = ProviderStack.Azure(server);
        var script = new Script("T", [new ScriptTurn("Alex", "Welcome to the show about durable workflows."), new ScriptTurn("Sam", "Thanks, bye.")], 0);

        await services.GetRequiredService<IEvaluatorAgent>().EvaluateAsync(brief, script, _research, CancellationToken.None);

        (string system, string user) = Messages(server);
        Assert.Contains("podcast with two hosts, Alex and Sam", system, StringComparison.Ordinal);
        Assert.Contains("Format: debate, whose arc is:", system, StringComparison.Ordinal);
        Assert.Contains("Opening arguments, then rebuttals", system, StringComparison.Ordinal);
        Assert.DoesNotContain(Instructions, system, StringComparison.Ordinal);
        Assert.Contains("<<<PRODUCER INSTRUCTIONS>>>", user, StringComparison.Ordinal);
    }
}
