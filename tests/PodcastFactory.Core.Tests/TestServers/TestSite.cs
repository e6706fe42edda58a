using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Core.Tests.TestServers;

/// <summary>A loopback web site (127.0.0.1, port 0) whose routes a test maps; requests are counted per path.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    readonly WebApplication _app;

    TestSite(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    public Uri Root { get; }

    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    public Uri Url(string pathAndQuery) => new(Root, pathAndQuery.TrimStart('/'));

    public static async Task<TestSite> StartAsync(Action<WebApplication> map)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        TestSite? site = null;
        app.Use(async (context, next) =>
        {
            site?.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        map(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site = new TestSite(app, new Uri(address.TrimEnd('/') + "/"));
        return site;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
