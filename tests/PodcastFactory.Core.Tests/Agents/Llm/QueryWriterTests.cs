using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Agents.Llm;

public sealed class QueryWriterTests
{
    [Fact]
    public async Task WriteQueriesAsync_Offline_TopicWithAngleWordsFirstThenTopic()
    {
        AgentResult<IReadOnlyList<string>> result = await new KeywordQueryWriter().WriteQueriesAsync("Durable Functions", "challenges, risks and trade-offs", 2, "en", CancellationToken.None);

        Assert.Equal(["Durable Functions challenges risks trade-offs", "Durable Functions"], result.Value);
    }

    [Fact]
    public async Task WriteQueriesAsync_Model_AsksForQueriesAndChargesResearch()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Chat("{\"queries\":[\"durable functions replay history\",\"Durable functions replay history\",\"orchestrator determinism rules\"]}", 300, 40));
        await using ServiceProvider services = ProviderStack.Azure(server);

        AgentResult<IReadOnlyList<string>> result = await services.GetRequiredService<IQueryWriter>()
            .WriteQueriesAsync("Durable Functions", "how it works in practice", 2, "en", CancellationToken.None);

        Assert.Equal(["durable functions replay history", "orchestrator determinism rules"], result.Value);
        Assert.Equal((AgentNames.Research, 340L), (result.Usage.Agent, result.Usage.TotalUnits));
        Assert.Contains("how it works in practice", Assert.Single(server.ChatRequests).Body, StringComparison.Ordinal);
    }
}
