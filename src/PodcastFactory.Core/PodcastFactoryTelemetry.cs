using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core;

/// <summary>
/// OpenTelemetry for both hosts: traces from Core's <see cref="PodcastTelemetry.Source"/>, the Durable Task SDK
/// (orchestration, activity and start spans, linked by W3C trace context), the HTTP server and the provider HTTP
/// clients; metrics from Core's meter. Off unless an exporter is configured: with no OTLP endpoint and no host
/// exporter nothing is registered, no listener exists, and no span or measurement is made.
/// </summary>
public static class PodcastFactoryTelemetry
{
    /// <summary>The standard OTLP setting that switches OTLP export on (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c> ...).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard setting that names the service; the host's default name is used without it.</summary>
    public const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    /// <summary>The Durable Task SDK's activity source (client, orchestration and activity spans).</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>True when <see cref="OtlpEndpointSetting"/> is set.</summary>
    public static bool OtlpConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
    }

    /// <summary>
    /// Adds the OpenTelemetry SDK when OTLP is configured or the host brings its own <paramref name="exporters"/>
    /// (Azure Monitor in the Functions app, an in-memory exporter in tests); otherwise adds nothing.
    /// </summary>
    public static IServiceCollection AddPodcastFactoryTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, Action<OpenTelemetryBuilder>? exporters = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        bool otlp = OtlpConfigured(configuration);
        if (!otlp && exporters is null)
        {
            return services;
        }

        OpenTelemetryBuilder otel = services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                if (string.IsNullOrWhiteSpace(configuration[ServiceNameSetting]))
                {
                    r.AddService(serviceName);
                }
            })
            .WithTracing(t => t
                .AddSource(PodcastTelemetry.Name, DurableTaskSource)
                // The worker's and client's gRPC calls to the Durable Task sidecar are plumbing, not the episode's work.
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = r => !IsGrpc(r.Content?.Headers.ContentType?.MediaType))
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !IsGrpc(c.Request.ContentType)))
            .WithMetrics(m => m.AddMeter(PodcastTelemetry.Name));
        if (otlp)
        {
            // Endpoint, protocol (grpc or http/protobuf), headers and intervals come from the standard OTEL_* settings.
            otel.UseOtlpExporter();
        }

        exporters?.Invoke(otel);
        return services;
    }

    static bool IsGrpc(string? contentType) => contentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
