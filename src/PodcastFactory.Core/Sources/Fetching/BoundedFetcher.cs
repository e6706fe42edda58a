using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Sources.Fetching;

/// <summary>
/// The one way the app reads a page from the internet (URL sources and web research). Bounded in every dimension a
/// hostile or broken server controls: one deadline for all hops, headers and body; a byte cap counted while streaming
/// (a missing or lying Content-Length changes nothing); text media types only; redirects followed here, not by the
/// handler, so every hop is checked for http/https and, behind a proxy, for an allowed address (without a proxy the
/// connect callback checks the address actually connected to). Every refusal is a <see cref="FetchRefusedException"/>.
/// </summary>
public sealed class BoundedFetcher(IHttpClientFactory httpClientFactory, IOptions<FetchOptions> options, IOptions<WorkflowOptions> workflow, TimeProvider time)
{
    /// <summary>Name of the HttpClient used for page fetches (no automatic redirects, no proxy unless configured).</summary>
    public const string HttpClientName = "sources";

    /// <summary>Media types read: HTML, XHTML, plain text and Markdown.</summary>
    public static readonly IReadOnlySet<string> AllowedMediaTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
    };

    /// <summary>Fetches <paramref name="url"/> within the bounds; throws <see cref="FetchRefusedException"/> naming the reason.</summary>
    public async Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        FetchOptions bounds = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(bounds.TimeoutSeconds));
        try
        {
            return await FetchWithinDeadlineAsync(url, bounds, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchRefusedException(Invariant($"{url} did not answer completely within {bounds.TimeoutSeconds} s (Fetch:TimeoutSeconds)."));
        }
        catch (HttpRequestException ex)
        {
            throw new FetchRefusedException($"{url}: {Innermost(ex)}", ex);
        }
        catch (IOException ex)
        {
            throw new FetchRefusedException($"{url}: the connection failed ({ex.Message}).", ex);
        }
    }

    async Task<FetchedPage> FetchWithinDeadlineAsync(Uri url, FetchOptions bounds, CancellationToken cancellationToken)
    {
        HttpClient client = httpClientFactory.CreateClient(HttpClientName);
        Uri current = url;
        for (int hop = 0; ; hop++)
        {
            if (!current.IsAbsoluteUri || current.Scheme is not ("http" or "https"))
            {
                throw new FetchRefusedException(hop == 0
                    ? $"{url} is not an http or https URL."
                    : $"{url} redirects to {current.Scheme}:, which is never followed (http and https only).");
            }

            if (bounds.Proxy is not null)
            {
                await EnsureAllowedAddressAsync(current, cancellationToken);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml, text/markdown, text/plain;q=0.9");
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop >= bounds.MaxRedirects)
                {
                    throw new FetchRefusedException(Invariant($"{url} redirects more than {bounds.MaxRedirects} times (Fetch:MaxRedirects)."));
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new FetchRefusedException(Invariant($"{url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}."));
            }

            string mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!AllowedMediaTypes.Contains(mediaType))
            {
                throw new FetchRefusedException($"{url} is {(mediaType.Length == 0 ? "of no stated type" : mediaType)}, not text: only HTML, plain text and Markdown are read.");
            }

            byte[] body = await ReadCappedAsync(response.Content, bounds.MaxBytes, url, cancellationToken);
            string text = TextDecoding.Decode(body, response.Content.Headers.ContentType?.CharSet, mediaType);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new FetchRefusedException($"{url} holds NUL characters, so it is not text.");
            }

            return new FetchedPage(url, current, mediaType.ToLowerInvariant(), text, time.GetUtcNow());
        }
    }

    static async Task<byte[]> ReadCappedAsync(HttpContent content, int maxBytes, Uri url, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(url, maxBytes);
        }

        await using Stream stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(url, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    async Task EnsureAllowedAddressAsync(Uri target, CancellationToken cancellationToken)
    {
        string host = target.IdnHost.Trim('[', ']');
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out IPAddress? literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException ex)
        {
            // Without an address there is nothing to check, so nothing goes to the proxy (which might resolve it inside).
            throw new FetchRefusedException($"{target.Host} could not be resolved ({ex.Message}), so it is not fetched: behind Fetch:Proxy every address is checked before the request is sent.", ex);
        }

        if (addresses.Length == 0)
        {
            throw new FetchRefusedException($"{target.Host} resolves to no address, so it is not fetched.");
        }

        if (addresses.FirstOrDefault(a => !SourceAddressPolicy.IsAllowed(a, workflow.Value.AllowPrivateNetworkSources)) is { } refused)
        {
            throw new FetchRefusedException(SourceAddressPolicy.Refusal(target.Host, refused));
        }
    }

    static FetchRefusedException TooLarge(Uri url, int maxBytes) =>
        new(Invariant($"{url} is larger than {maxBytes} bytes (Fetch:MaxBytes)."));

    static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex.Message;
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
