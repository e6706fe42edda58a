using Microsoft.Extensions.DependencyInjection;
using Moq;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Agents;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class OfflineAgentsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOfflineAgents_EmptyServices_RegistersFourSingletons()
    {
        using ServiceProvider provider = new ServiceCollection().AddOfflineAgents().BuildServiceProvider();

        Assert.IsType<OfflineResearchAgent>(provider.GetRequiredService<IResearchAgent>());
        Assert.IsType<OfflineScriptAgent>(provider.GetRequiredService<IScriptAgent>());
        Assert.IsType<OfflineEvaluatorAgent>(provider.GetRequiredService<IEvaluatorAgent>());
        Assert.Same(provider.GetRequiredService<ISocialAgent>(), provider.GetRequiredService<ISocialAgent>());
    }

    [Fact]
    public void AddOfflineAgents_AgentAlreadyRegistered_KeepsConfiguredAgent()
    {
        IResearchAgent configured = new Mock<IResearchAgent>(MockBehavior.Strict).Object;
        var services = new ServiceCollection().AddSingleton(configured);

        using ServiceProvider provider = services.AddOfflineAgents().BuildServiceProvider();

        Assert.Same(configured, provider.GetRequiredService<IResearchAgent>());
    }
}
