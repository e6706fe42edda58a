namespace PodcastFactory.IntegrationTests.Telemetry;

/// <summary>
/// The traced episodes listen to the process-wide <c>PodcastFactory</c> source and meter, so an in-process episode of
/// another test class running at the same time would be counted in their metrics. Their classes run alone, after the
/// parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Telemetry (process-wide listeners)";
}
