using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core;
using PodcastFactory.Core.Providers.OpenAI;

namespace PodcastFactory.Functions;

/// <summary>
/// The Functions app's OpenTelemetry: Core's sources and meter (<see cref="PodcastFactoryTelemetry"/>), the worker's
/// invocation spans continuing the host's trace context, and two exporters: Azure Monitor when the app has an
/// Application Insights connection string (infra/app/api.bicep sets it, with Entra ID authentication because the
/// component has local auth disabled), OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Neither: nothing is added.
/// </summary>
public static class FunctionsTelemetry
{
    /// <summary>The Application Insights connection string setting.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The Application Insights authentication setting: <c>ClientId=&lt;identity&gt;;Authorization=AAD</c>.</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The <c>service.name</c> unless <c>OTEL_SERVICE_NAME</c> names another.</summary>
    public const string ServiceName = "podcastfactory-functions";

    /// <summary>Adds telemetry when an exporter is configured.</summary>
    public static IServiceCollection AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        string? connectionString = configuration[ConnectionStringSetting];
        bool azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        if (!azureMonitor && !PodcastFactoryTelemetry.OtlpConfigured(configuration))
        {
            return services;
        }

        return services.AddPodcastFactoryTelemetry(configuration, ServiceName, otel =>
        {
            otel.UseFunctionsWorkerDefaults();
            if (azureMonitor)
            {
                otel.UseAzureMonitorExporter(o =>
                {
                    o.ConnectionString = connectionString;
                    o.Credential = Credential(configuration[AuthenticationSetting]);
                });
            }
        });
    }

    /// <summary>
    /// The managed identity named by <c>ClientId=...;Authorization=AAD</c>, or null (instrumentation key auth) when the
    /// setting does not ask for Entra ID.
    /// </summary>
    public static TokenCredential? Credential(string? authentication)
    {
        Dictionary<string, string> parts = (authentication ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out string? kind) && kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)
            ? AzureCredentials.Create(parts.GetValueOrDefault("ClientId"))
            : null;
    }
}
