namespace PodcastFactory.IntegrationTests.Functions.Host;

/// <summary>The tests that share one Functions app worker (in-memory engine): they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FunctionsAppCollection : ICollectionFixture<FunctionsAppFixture>
{
    public const string Name = "FunctionsApp";
}
