using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Providers.RateLimiting;

/// <summary>What one answer says about the provider's limits: throttled or not, what is left and when it resets.</summary>
/// <param name="Throttled">The answer was a 429.</param>
/// <param name="Succeeded">The answer was a 2xx.</param>
/// <param name="RetryAfter"><c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c>, when sent.</param>
/// <param name="LimitRequests"><c>x-ratelimit-limit-requests</c>.</param>
/// <param name="RemainingRequests"><c>x-ratelimit-remaining-requests</c>.</param>
/// <param name="ResetRequests"><c>x-ratelimit-reset-requests</c>.</param>
/// <param name="RemainingTokens"><c>x-ratelimit-remaining-tokens</c>.</param>
/// <param name="ResetTokens"><c>x-ratelimit-reset-tokens</c>.</param>
public sealed partial record RateLimitSignal(
    bool Throttled,
    bool Succeeded,
    TimeSpan? RetryAfter = null,
    int? LimitRequests = null,
    int? RemainingRequests = null,
    TimeSpan? ResetRequests = null,
    long? RemainingTokens = null,
    TimeSpan? ResetTokens = null)
{
    /// <summary>No answer (the call failed before one arrived): the limits learned nothing.</summary>
    public static readonly RateLimitSignal None = new(false, false);

    /// <summary>Reads the status and the rate-limit headers of <paramref name="response"/>.</summary>
    public static RateLimitSignal From(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        HttpResponseHeaders h = response.Headers;
        return new RateLimitSignal(
            response.StatusCode == HttpStatusCode.TooManyRequests,
            response.IsSuccessStatusCode,
            AskedWait(h, now),
            (int?)Number(h, "x-ratelimit-limit-requests"),
            (int?)Number(h, "x-ratelimit-remaining-requests"),
            Duration(h, "x-ratelimit-reset-requests"),
            Number(h, "x-ratelimit-remaining-tokens"),
            Duration(h, "x-ratelimit-reset-tokens"));
    }

    /// <summary>
    /// The wait the provider asked for: <c>retry-after-ms</c> (Azure OpenAI), <c>x-ms-retry-after-ms</c>, else
    /// <c>Retry-After</c> (seconds or an HTTP date); null when none was sent.
    /// </summary>
    public static TimeSpan? AskedWait(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (string name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (First(headers, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        TimeSpan? asked = headers.RetryAfter is { } retryAfter ? retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null) : null;
        return asked is { } a && a >= TimeSpan.Zero ? a : null;
    }

    /// <summary>Parses a reset duration as providers write it: <c>6m0s</c>, <c>1.5s</c>, <c>20ms</c>, or bare seconds.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        MatchCollection parts = DurationPart().Matches(text.Trim());
        if (parts.Count == 0 || parts.Sum(p => p.Length) != text.Trim().Length)
        {
            return null;
        }

        double ms = 0;
        foreach (Match part in parts)
        {
            double value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            ms += value * part.Groups[2].Value switch { "h" => 3_600_000, "m" => 60_000, "s" => 1000, _ => 1 };
        }

        return TimeSpan.FromMilliseconds(ms);
    }

    static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

    static long? Number(HttpResponseHeaders headers, string name) =>
        long.TryParse(First(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n >= 0 ? n : null;

    static TimeSpan? Duration(HttpResponseHeaders headers, string name) => ParseDuration(First(headers, name));

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|h|m|s)")]
    private static partial Regex DurationPart();
}
