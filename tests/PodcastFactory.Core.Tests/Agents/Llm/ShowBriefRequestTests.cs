using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Agents.Llm;

/// <summary>What the writer, the reviser and the judge send: the show brief, the cited passages and each agent's sampling.</summary>
public sealed class ShowBriefRequestTests
{
    const string Passage = "Durable workflows record every completed step in an append-only history. When a worker crashes, another worker replays that history and carries on from the last recorded step.";
    static readonly ResearchNotes _research = new("Durable workflows", "merged", "",
    [
        new ResearchNote("Durable workflows record every completed step in an append-only history.", "notes.md", "sentence 1", 1, Passage: Passage),
    ], HasSources: true);

    static readonly ScriptBrief _brief = new("Durable workflows",
        [new HostVoice("Alex", "alloy", "a former site reliability engineer who loves outage stories"), new HostVoice("Sam", "nova")], 5, "en", 600);

    [Fact]
    public async Task WriteAsync_Request_CarriesBriefPersonasPassagesAndWriterSampling()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server, ("TextModel:Writer:Temperature", "0.9"));

        await services.GetRequiredService<IScriptAgent>().WriteAsync(_brief, _research, CancellationToken.None);

        JsonNode body = JsonNode.Parse(server.ChatRequests.Single().Body)!;
        string system = EpisodeResponder.Message(body, "system"), user = EpisodeResponder.Message(body, "user");
        Assert.Contains("Alex is the host: a former site reliability engineer who loves outage stories", system, StringComparison.Ordinal);
        Assert.Contains("Sam is the co-host: the listener's voice", system, StringComparison.Ordinal);
        Assert.Contains("Dialogue devices", system, StringComparison.Ordinal);
        Assert.Contains("Spell out numbers", system, StringComparison.Ordinal);
        Assert.Contains("about 750 spoken words", system, StringComparison.Ordinal);
        Assert.Contains("<<<SOURCE PASSAGES>>>\n[0] " + Passage, user, StringComparison.Ordinal);
        Assert.Equal(0.9, (double)body["temperature"]!, 3);
        Assert.Equal(OutputTokenCaps.Script(5), (int)body["max_completion_tokens"]!);
    }

    [Fact]
    public async Task ReviseAsync_Request_CarriesTheSameBriefAndPassages()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server);
        var previous = new Script("T", [new ScriptTurn("Alex", "Welcome."), new ScriptTurn("Sam", "Bye.")], 0);
        var review = new ScriptReview(0, false, 0.5, [new ReviewCheck("length", false, "too short")], ["Make it longer."]);

        await services.GetRequiredService<IScriptAgent>().ReviseAsync(_brief, _research, previous, review, CancellationToken.None);

        JsonNode body = JsonNode.Parse(server.ChatRequests.Single().Body)!;
        Assert.Contains("outage stories", EpisodeResponder.Message(body, "system"), StringComparison.Ordinal);
        Assert.Contains(Passage, EpisodeResponder.Message(body, "user"), StringComparison.Ordinal);
        Assert.Equal(0.8, (double)body["temperature"]!, 3);
    }

    [Fact]
    public async Task PolishAsync_Request_CarriesTheScriptTheBriefAndPassagesAtTheWritersSampling()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server, ("TextModel:Writer:Temperature", "0.7"));
        Script passed = ClaimScript("Every finished step goes into an append-only history.");

        Script polished = (await services.GetRequiredService<IScriptAgent>().PolishAsync(_brief, _research, passed, CancellationToken.None)).Value;

        JsonNode body = JsonNode.Parse(server.ChatRequests.Single().Body)!;
        string system = EpisodeResponder.Message(body, "system"), user = EpisodeResponder.Message(body, "user");
        Assert.Contains("You polish scripts", system, StringComparison.Ordinal);
        Assert.Contains("outage stories", system, StringComparison.Ordinal);
        Assert.Contains("Spell out numbers", system, StringComparison.Ordinal);
        Assert.Contains("<<<SCRIPT>>>", user, StringComparison.Ordinal);
        Assert.Contains("Every finished step goes into an append-only history.", user, StringComparison.Ordinal);
        Assert.Contains(Passage, user, StringComparison.Ordinal);
        Assert.Equal(0.7, (double)body["temperature"]!, 3);
        Assert.Equal(OutputTokenCaps.Script(5), (int)body["max_completion_tokens"]!);
        Assert.Equal(1, polished.Revision);
    }

    [Fact]
    public async Task PolishAsync_AnswerDropsACitation_AsksAgainNamingTheNote()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Chat("""
            {"title":"T","turns":[{"speaker":"Alex","text":"Welcome to the show.","claims":[]},{"speaker":"Sam","text":"Glad to be here.","claims":[]},
             {"speaker":"Alex","text":"So, where do we start?","claims":[]},{"speaker":"Sam","text":"Thanks for listening, bye.","claims":[]}]}
            """));
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server);

        Script polished = (await services.GetRequiredService<IScriptAgent>()
            .PolishAsync(_brief, _research, ClaimScript("Steps go into a history."), CancellationToken.None)).Value;

        Assert.Equal(2, server.ChatRequests.Count());
        Assert.Contains("note 0 is cited in the script you were given but in no turn of yours", server.ChatRequests.Last().Body, StringComparison.Ordinal);
        Assert.Contains(polished.Turns, t => t.Claims?.Contains(0) == true);
    }

    [Fact]
    public async Task EvaluateAsync_Request_JudgesAtTemperatureZeroWithPassagesAndNumberedTurns()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server);

        await services.GetRequiredService<IEvaluatorAgent>().EvaluateAsync(_brief, ClaimScript("Every finished step goes into an append-only history."), _research, CancellationToken.None);

        JsonNode body = JsonNode.Parse(server.ChatRequests.Single().Body)!;
        string user = EpisodeResponder.Message(body, "user");
        Assert.Contains(Passage, user, StringComparison.Ordinal);
        Assert.Contains("\"turn\":2", user, StringComparison.Ordinal);
        Assert.Equal(0.0, (double)body["temperature"]!);
        Assert.Equal(OutputTokenCaps.Review, (int)body["max_completion_tokens"]!);
    }

    [Fact]
    public async Task EvaluateAsync_ReasoningModelSettings_LeavesTemperatureOutAndSendsTheConfiguredCap()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server, ("TextModel:SendTemperature", "false"), ("TextModel:Judge:MaxOutputTokens", "6000"));

        await services.GetRequiredService<IEvaluatorAgent>().EvaluateAsync(_brief, ClaimScript("Steps go into a history."), _research, CancellationToken.None);

        JsonNode body = JsonNode.Parse(server.ChatRequests.Single().Body)!;
        Assert.False(body.AsObject().ContainsKey("temperature"));
        Assert.Equal(6000, (int)body["max_completion_tokens"]!);
    }

    [Fact]
    public async Task EvaluateAsync_JudgeFindsAClaimContradicted_FailsTheFactCheckKeepingEveryReason()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Chat("""
            {"passed":true,"score":0.8,"checks":[{"name":"accuracy","passed":true,"detail":"ok"}],"suggestions":[],
             "claims":[{"turn":2,"note":0,"verdict":"contradicted","reason":"The passage says steps are recorded, not that they are deleted."}]}
            """));
        await using ServiceProvider services = ProviderStack.Azure(server);

        ScriptReview review = (await services.GetRequiredService<IEvaluatorAgent>()
            .EvaluateAsync(_brief, ClaimScript("Finished steps are deleted right away."), _research, CancellationToken.None)).Value;

        Assert.False(review.Passed);
        Assert.Contains(review.Checks, c => c.Name == "fact-check" && !c.Passed && c.Detail.Contains("0 of 1", StringComparison.Ordinal));
        Assert.Equal(FactCheckReport.Judge, review.FactCheck!.Method);
        ClaimVerdict verdict = Assert.Single(review.FactCheck.Claims!);
        Assert.Equal((2, 0, ClaimVerdicts.Contradicted), (verdict.Turn, verdict.Note, verdict.Verdict));
        Assert.Contains("not that they are deleted", Assert.Single(review.FactCheck.Unsupported).Reason, StringComparison.Ordinal);
        Assert.Contains(review.Suggestions, s => s.Contains("turn 2 (note 0) contradicted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_JudgeLeavesAClaimUnjudged_AsksAgainNamingIt()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Chat("""{"passed":true,"score":0.8,"checks":[{"name":"accuracy","passed":true,"detail":"ok"}],"suggestions":[],"claims":[]}"""));
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server);

        ScriptReview review = (await services.GetRequiredService<IEvaluatorAgent>()
            .EvaluateAsync(_brief, ClaimScript("Every finished step goes into a history."), _research, CancellationToken.None)).Value;

        Assert.Equal(2, server.ChatRequests.Count());
        Assert.Contains("claims is missing a verdict for turn 2 note 0", server.ChatRequests.Last().Body, StringComparison.Ordinal);
        Assert.Equal(ClaimVerdicts.Supported, Assert.Single(review.FactCheck!.Claims!).Verdict);
    }

    static Script ClaimScript(string claim) => new("T",
        [new ScriptTurn("Alex", "Welcome to the show about durable workflows."), new ScriptTurn("Sam", claim, [0]), new ScriptTurn("Alex", "Thanks for listening, bye.")], 0);
}
