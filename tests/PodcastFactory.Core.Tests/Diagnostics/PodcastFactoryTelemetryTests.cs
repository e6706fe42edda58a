using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace PodcastFactory.Core.Tests.Diagnostics;

public sealed class PodcastFactoryTelemetryTests
{
    [Fact]
    public void AddPodcastFactoryTelemetry_NoExporterConfigured_RegistersNoProvider()
    {
        var services = new ServiceCollection();

        services.AddPodcastFactoryTelemetry(new ConfigurationBuilder().Build(), "test");

        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AddPodcastFactoryTelemetry_OtlpEndpointSet_RegistersTracerAndMeterProviders()
    {
        var services = new ServiceCollection();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PodcastFactoryTelemetry.OtlpEndpointSetting] = "http://127.0.0.1:4318",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }).Build();
        services.AddSingleton(configuration);

        services.AddPodcastFactoryTelemetry(configuration, "test");

        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }
}
