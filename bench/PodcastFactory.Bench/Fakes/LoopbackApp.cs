using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Bench.Fakes;

/// <summary>The bench's fake servers: a minimal ASP.NET Core app on a free port of 127.0.0.1, without logging.</summary>
public static class LoopbackApp
{
    /// <summary>Builds the app, lets <paramref name="map"/> add its endpoints, starts it; returns it with its root URL (ending in '/').</summary>
    public static async Task<(WebApplication App, Uri Root)> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/"));
    }
}
