using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PodcastFactory.Core.Dashboard;

/// <summary>One static file of the dashboard.</summary>
/// <param name="Path">Its path under the dashboard root, e.g. <c>index.html</c> or <c>views/list.js</c>.</param>
/// <param name="Bytes">The content.</param>
/// <param name="ContentType">The MIME type it is served with.</param>
/// <param name="ETag">A strong ETag of the bytes.</param>
public sealed record DashboardFile(string Path, byte[] Bytes, string ContentType, string ETag);

/// <summary>
/// The producer's dashboard: static HTML, CSS and JavaScript modules embedded in Core, so <c>podcast serve</c> and the
/// Functions app serve the same bytes. Only files that were embedded can be served (a dictionary lookup), so a path
/// that tries to leave the folder is simply unknown (404). Every response carries the security headers.
/// </summary>
public static class DashboardFiles
{
    /// <summary>The page's Content-Security-Policy: nothing inline, nothing from another origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>The route segment the dashboard lives under (<c>/dashboard/</c> locally, <c>/api/dashboard/</c> in Functions).</summary>
    public const string RouteSegment = "dashboard";

    /// <summary>The file served for the dashboard's root.</summary>
    public const string IndexFile = "index.html";

    const string ResourcePrefix = "Dashboard/";

    static readonly FrozenDictionary<string, DashboardFile> _files = Load();

    /// <summary>Every embedded file, by path.</summary>
    public static IReadOnlyDictionary<string, DashboardFile> All => _files;

    /// <summary>The file at <paramref name="path"/> (empty means the index), or null when no such file was embedded.</summary>
    public static DashboardFile? Find(string? path) =>
        _files.GetValueOrDefault(string.IsNullOrEmpty(path) ? IndexFile : path);

    /// <summary>
    /// Serves <paramref name="path"/>: 200 with the bytes, 304 when <c>If-None-Match</c> has its ETag, 404 otherwise;
    /// the root without a trailing slash redirects to it, so the page's relative module paths resolve.
    /// </summary>
    public static IResult Serve(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        AddSecurityHeaders(request.HttpContext.Response);
        if (string.IsNullOrEmpty(path) && !(request.Path.Value ?? "").EndsWith('/'))
        {
            return Results.Redirect($"{request.PathBase}{request.Path}/");
        }

        if (Find(path) is not { } file)
        {
            return Results.Problem(title: "Not found", detail: "The dashboard has no such file.", statusCode: StatusCodes.Status404NotFound);
        }

        IHeaderDictionary headers = request.HttpContext.Response.Headers;
        headers.ETag = file.ETag;
        // Revalidate every time: the ETag makes that a 304, and a new build is never hidden behind a stale copy.
        headers.CacheControl = "no-cache";
        return request.Headers.IfNoneMatch.Contains(file.ETag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(file.Bytes, file.ContentType);
    }

    /// <summary>Adds the Content-Security-Policy, nosniff and no-referrer headers.</summary>
    public static void AddSecurityHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
    }

    static FrozenDictionary<string, DashboardFile> Load()
    {
        Assembly assembly = typeof(DashboardFiles).Assembly;
        var files = new Dictionary<string, DashboardFile>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] bytes = buffer.ToArray();
            // Resource names keep the separator of the machine that built them.
            string path = name[ResourcePrefix.Length..].Replace('\\', '/');
            string etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
            files[path] = new DashboardFile(path, bytes, ContentTypeOf(path), etag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    static string ContentTypeOf(string path) => System.IO.Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };
}
