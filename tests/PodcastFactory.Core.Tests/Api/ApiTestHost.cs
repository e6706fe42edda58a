using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>The real Core services (file-system store in a temp folder) with a fake durable client; runs handlers on a DefaultHttpContext.</summary>
internal sealed class ApiTestHost : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pf-api-" + Guid.NewGuid().ToString("N")[..8]);
    public FakeDurableClient Client { get; } = new();
    public ServiceProvider Services { get; }

    public ApiTestHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = Root,
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddPodcastFactory(configuration);
        services.AddSingleton<DurableTaskClient>(Client.Object);
        Services = services.BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static HttpRequest Request(string? body = null, string method = "GET", string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.QueryString = new QueryString(query);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""));
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Executes the result as the host would and returns status, headers and body.</summary>
    public async Task<ApiResponse> ExecuteAsync(HttpRequest request, IResult result)
    {
        HttpContext context = request.HttpContext;
        context.RequestServices = Services;
        await result.ExecuteAsync(context);
        var body = (MemoryStream)context.Response.Body;
        return new ApiResponse(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, body.ToArray());
    }

    public void Dispose()
    {
        Services.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

internal sealed record ApiResponse(int Status, string? ContentType, IHeaderDictionary Headers, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => Encoding.UTF8.GetString(Body);
}
