using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Api;

/// <summary>
/// The query string rules every endpoint applies: only the parameters it documents (plus <c>code</c>, the Functions
/// key), each at most once unless it is a list, and no control characters. A misspelled or unknown parameter is a 400,
/// never silently ignored (<c>?top=-1</c> used to answer 200).
/// </summary>
public static class QueryRules
{
    /// <summary>The Azure Functions key parameter, accepted everywhere.</summary>
    public const string FunctionKey = "code";

    /// <summary>Longest query value accepted.</summary>
    public const int MaxValueLength = 4096;

    /// <summary>Every problem with <paramref name="query"/> given the parameters an endpoint allows; <paramref name="lists"/> may repeat.</summary>
    public static IReadOnlyList<ValidationError> Check(IQueryCollection query, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string>? lists = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(allowed);
        var errors = new List<ValidationError>();
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in query)
        {
            string? known = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
            if (known is null && !string.Equals(name, FunctionKey, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(name, allowed.Count == 0
                    ? $"Unknown query parameter '{name}': this endpoint takes none."
                    : $"Unknown query parameter '{name}'. Allowed: {string.Join(", ", allowed)}."));
                continue;
            }

            if (values.Count > 1 && (known is null || lists?.Contains(known, StringComparer.OrdinalIgnoreCase) != true))
            {
                errors.Add(new(known ?? name, $"'{name}' is given {values.Count} times; give it once."));
            }

            if (values.Any(v => v is not null && (v.Length > MaxValueLength || !TextRules.IsSingleLine(v))))
            {
                errors.Add(new(known ?? name, $"'{name}' must be at most {MaxValueLength} characters without control characters."));
            }
        }

        return errors;
    }

    /// <summary>A 400 problem when the query of <paramref name="request"/> has anything besides <paramref name="allowed"/>; null when it is clean.</summary>
    public static IResult? Refuse(HttpRequest request, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Check(request.Query, allowed) is { Count: > 0 } errors ? ApiProblems.Validation(errors) : null;
    }
}
