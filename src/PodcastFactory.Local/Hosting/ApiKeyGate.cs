using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Local.Hosting;

/// <summary>
/// The local server's stand-in for function keys: with a key configured, every <c>/api</c> request except the feeds
/// and their artwork (GET/HEAD; anonymous in the Functions app too, because podcast apps send no keys) must carry it in <c>x-api-key</c> or
/// <c>x-functions-key</c>, or gets 401 problem details. The dashboard's static files contain no secrets and stay open.
/// </summary>
public static class ApiKeyGate
{
    /// <summary>The header the local server reads first.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>The Functions key header, accepted too, so the dashboard sends the same header to both hosts.</summary>
    public const string FunctionsKeyHeader = "x-functions-key";

    /// <summary>Refuses <c>/api</c> requests without <paramref name="apiKey"/>.</summary>
    public static IApplicationBuilder UseApiKey(this IApplicationBuilder app, string apiKey)
    {
        byte[] expected = Encoding.UTF8.GetBytes(apiKey);
        return app.Use(async (context, next) =>
        {
            if (!NeedsKey(context.Request) || Matches(context.Request, expected))
            {
                await next(context);
                return;
            }

            await Results.Problem(
                title: "Unauthorized.",
                detail: $"This server requires its API key in the {ApiKeyHeader} (or {FunctionsKeyHeader}) header.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
        });
    }

    static bool NeedsKey(HttpRequest request)
    {
        var api = new PathString("/" + ApiRoutes.Prefix);
        return request.Path.StartsWithSegments(api, out PathString rest)
            && rest != "/" + ApiRoutes.Feed
            && rest != "/" + ApiRoutes.FeedArtwork
            && !IsPublicShowRead(request);
    }

    // A show's feed and its uploaded artwork are read by podcast apps, which carry no key (anonymous in Functions too);
    // uploading artwork is a PUT on the same address and still needs the key.
    static bool IsPublicShowRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Path.Value?.Split('/') is ["", ApiRoutes.Prefix, "shows", { Length: > 0 }, "feed.xml" or "artwork"];

    static bool Matches(HttpRequest request, byte[] expected)
    {
        foreach (string header in new[] { ApiKeyHeader, FunctionsKeyHeader })
        {
            string? given = request.Headers[header];
            if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected))
            {
                return true;
            }
        }

        return false;
    }
}
