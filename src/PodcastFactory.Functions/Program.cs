using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core;
using PodcastFactory.Functions;
using PodcastFactory.Functions.Functions;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// After the ASP.NET Core integration, so it catches what an HTTP function throws and the integration writes the problem.
builder.UseMiddleware<ApiExceptionMiddleware>();
// Cross-site and non-JSON state-changing requests never reach a function (Core's CrossSiteGuard, as in podcast serve).
builder.UseMiddleware<CrossSiteMiddleware>();
// host.json log levels govern the host's categories, not this process: without this filter the worker sent four
// Information lines from ASP.NET Core per HTTP request (podcast serve logs warnings and up from the framework).
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

// The same wiring as the local runner; options are validated when the host starts.
builder.Services.AddPodcastFactory(builder.Configuration);
// OpenTelemetry to Application Insights (Azure Monitor exporter) and/or OTLP; off when neither is configured.
builder.Services.AddFunctionsTelemetry(builder.Configuration);
builder.Services.AddFunctionsDurableClient();

await builder.Build().RunAsync();
