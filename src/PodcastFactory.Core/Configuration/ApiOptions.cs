using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>The HTTP API's edge rules shared by both hosts. Section <c>Api</c>.</summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Api";

    /// <summary>
    /// Origins besides the server's own (and <c>Feed:PublicBaseUrl</c>'s) whose pages may send state-changing requests
    /// (POST, PUT, DELETE), e.g. <c>https://studio.example.com</c>: scheme, host and port only.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (string origin in AllowedOrigins)
        {
            if (OriginOf(origin) is null)
            {
                yield return new ValidationResult($"Api:AllowedOrigins: '{origin}' is not an origin (scheme, host and optional port, e.g. https://studio.example.com).", [nameof(AllowedOrigins)]);
            }
        }
    }

    /// <summary>The normalized origin (<c>scheme://host:port</c>, lower case) of <paramref name="value"/>; null when it is not an http(s) origin.</summary>
    public static string? OriginOf(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return OriginOf(uri);
    }

    /// <summary>The normalized origin of an absolute URL.</summary>
    public static string OriginOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}";
    }
}
