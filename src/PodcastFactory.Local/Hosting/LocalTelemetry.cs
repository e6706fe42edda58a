namespace PodcastFactory.Local.Hosting;

/// <summary>The local runner's telemetry identity (OTLP export is switched on by <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
public static class LocalTelemetry
{
    /// <summary>The <c>service.name</c> of <c>podcast produce</c>, <c>serve</c> and <c>worker</c> unless <c>OTEL_SERVICE_NAME</c> names another.</summary>
    public const string ServiceName = "podcast";
}
