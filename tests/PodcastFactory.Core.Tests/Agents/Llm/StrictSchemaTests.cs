using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Llm;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Agents.Llm;

/// <summary>Every structured output is requested in strict JSON-schema mode, as the service receives it.</summary>
public sealed class StrictSchemaTests
{
    [Fact]
    public void Json_SharedByParallelCalls_IsReadOnlyBeforeFirstUse()
    {
        // Writable options are frozen by their first user; parallel first users raced ("instance is read-only").
        Assert.True(StructuredChat.Json.IsReadOnly);
        JsonElementSchemas(parallel: 16);
    }

    static void JsonElementSchemas(int parallel) =>
        Parallel.For(0, parallel, _ => StrictSchema.For<ResearchBrief>(StructuredChat.Json));

    static readonly SourceDocument _notes = new("notes.md", "Durable workflows replay their history after a crash.");
    static readonly SourceDocument _paper = new("paper.pdf.txt", "Activities that finished are not run again.");
    static readonly ResearchBrief _brief = new("Durable workflows", "how it works", 0, 5, "en");
    static readonly Script _script = new("T", [new ScriptTurn("Alex", "Welcome to durable workflows."), new ScriptTurn("Sam", "Thanks, bye.")], 0);
    static readonly ResearchNotes _research = new("Durable workflows", "merged", "", [new ResearchNote(_notes.Text, "notes.md", null, 1)], HasSources: true);

    [Fact]
    public async Task ResearchAsync_TwoSources_SendsStrictSchemaWithSourceNamesAsEnum()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Chat("""{"summary":"S.","notes":[{"text":"Replay.","source":"notes.md","locator":null,"relevance":0.9}]}"""));
        await using ServiceProvider services = ProviderStack.Azure(server);

        await services.GetRequiredService<IResearchAgent>().ResearchAsync(_brief, [_notes, _paper], CancellationToken.None);

        JsonNode format = ResponseFormat(server);
        Assert.True((bool)format["strict"]!);
        JsonNode note = format["schema"]!["properties"]!["notes"]!["items"]!;
        Assert.Equal(["notes.md", "paper.pdf.txt"], note["properties"]!["source"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.False((bool)note["additionalProperties"]!);
        Assert.Equal(["text", "source", "locator", "relevance"], note["required"]!.AsArray().Select(v => (string)v!));
        Assert.False((bool)format["schema"]!["additionalProperties"]!);
    }

    [Fact]
    public async Task ScriptJudgeAndSocial_EachCall_SendsStrictSchemaWithEveryPropertyRequired()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await JudgeThenWritePostAsync(server);

        Assert.Equal(2, server.ChatRequests.Count());
        foreach (FakeRequest request in server.ChatRequests)
        {
            JsonNode format = JsonNode.Parse(request.Body)!["response_format"]!["json_schema"]!;
            Assert.True((bool)format["strict"]!, request.SchemaName);
            AssertStrict(format["schema"]!);
        }
    }

    [Fact]
    public async Task JudgeAndSocial_EachCall_SendsItsOutputCapAndEstimatesAtIt()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await JudgeThenWritePostAsync(server);

        // The model stops at the cap, so the estimate made from it is the most the answer can cost.
        Assert.Equal([PodcastFactory.Core.Costs.OutputTokenCaps.Review, PodcastFactory.Core.Costs.OutputTokenCaps.Social],
            server.ChatRequests.Select(r => (int)JsonNode.Parse(r.Body)!["max_completion_tokens"]!));
    }

    // One judge call and one social call against the server, answered with valid JSON.
    static async Task JudgeThenWritePostAsync(FakeOpenAIServer server)
    {
        server.Enqueue(
            FakeReply.Chat("""{"passed":true,"score":0.9,"checks":[{"name":"flow","passed":true,"detail":"fine"}],"suggestions":[]}"""),
            FakeReply.Chat("""{"text":"New episode on durable workflows. #durable"}"""));
        await using ServiceProvider services = ProviderStack.Azure(server);
        var brief = new ScriptBrief("Durable workflows", EpisodeRequest.DefaultHosts, 5, "en", 600);

        await services.GetRequiredService<IEvaluatorAgent>().EvaluateAsync(brief, _script, _research, CancellationToken.None);
        await services.GetRequiredService<ISocialAgent>().WriteAsync("Durable workflows", _script, _research, CancellationToken.None);
    }

    [Fact]
    public void For_ScriptAnswer_EveryObjectRequiresAllPropertiesAndForbidsOthers()
    {
        JsonNode schema = JsonNode.Parse(StrictSchema.For<ScriptAnswer>(StructuredChat.Json).GetRawText())!;

        AssertStrict(schema);
        Assert.Equal(["speaker", "text", "claims", "chapter"], schema["properties"]!["turns"]!["items"]!["required"]!.AsArray().Select(v => (string)v!));
    }

    static JsonNode ResponseFormat(FakeOpenAIServer server) =>
        JsonNode.Parse(server.ChatRequests.Single().Body)!["response_format"]!["json_schema"]!;

    static void AssertStrict(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject properties)
            {
                Assert.False((bool)obj["additionalProperties"]!);
                Assert.Equal(properties.Select(p => p.Key).Order(), obj["required"]!.AsArray().Select(v => (string)v!).Order());
            }

            foreach (KeyValuePair<string, JsonNode?> child in obj)
            {
                AssertStrict(child.Value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                AssertStrict(item);
            }
        }
    }
}
