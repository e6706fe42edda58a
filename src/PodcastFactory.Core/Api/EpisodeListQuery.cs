using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>The query string of <c>GET /api/episodes</c>.</summary>
/// <param name="Statuses">Runtime statuses to keep (empty: all).</param>
/// <param name="PageSize">Page size, 1..100 (default 20).</param>
/// <param name="ContinuationToken">Where the previous page ended.</param>
public sealed record EpisodeListQuery(IReadOnlyList<OrchestrationRuntimeStatus> Statuses, int PageSize, string? ContinuationToken)
{
    /// <summary>Default and largest page size.</summary>
    public const int DefaultPageSize = 20, MaxPageSize = 100;

    /// <summary>The query parameters of the list.</summary>
    public const string StatusParameter = "status", PageSizeParameter = "pageSize", ContinuationTokenParameter = "continuationToken";

    /// <summary>
    /// Parses <c>status</c> (comma-separated or repeated, e.g. running,completed), <c>pageSize</c> and
    /// <c>continuationToken</c>; any other parameter, a repeated one or a control character is an error.
    /// </summary>
    public static (EpisodeListQuery? Query, IReadOnlyList<ValidationError> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<ValidationError>(QueryRules.Check(query, [StatusParameter, PageSizeParameter, ContinuationTokenParameter], [StatusParameter]));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (string value in query[StatusParameter].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(value, CultureInfo.InvariantCulture, out _)
                && Enum.TryParse(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out OrchestrationRuntimeStatus status))
            {
                statuses.Add(status);
            }
            else
            {
                errors.Add(new("status", $"'{value}' is not a runtime status (pending, running, completed, failed, terminated, suspended)."));
            }
        }

        int pageSize = DefaultPageSize;
        string? size = query[PageSizeParameter];
        if (size is not null && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add(new("pageSize", $"pageSize must be 1 to {MaxPageSize}."));
        }

        string? token = query[ContinuationTokenParameter];
        if (!string.IsNullOrEmpty(token))
        {
            if (!ContinuationTokens.TryUnwrap(token, out string backendToken))
            {
                errors.Add(new(ContinuationTokenParameter, "The continuation token is not one this server issued; pass back the continuationToken of a previous page unchanged."));
            }

            token = backendToken;
        }

        return errors.Count > 0 ? (null, errors) : (new EpisodeListQuery(statuses, pageSize, string.IsNullOrEmpty(token) ? null : token), []);
    }
}
