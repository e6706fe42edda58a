using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PodcastFactory.Core.Api;

/// <summary>
/// If-Match as RFC 9110 (13.1.1) defines it: the strong comparison, so a weak validator (<c>W/"..."</c>) never matches
/// and the edit it guards is refused with 412; <c>*</c> matches any current representation.
/// </summary>
public static class EntityTags
{
    /// <summary>True when the If-Match header <paramref name="ifMatch"/> lists <c>*</c> or <paramref name="etag"/> as a strong tag.</summary>
    public static bool IfMatch(string ifMatch, string etag)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        ArgumentNullException.ThrowIfNull(etag);
        if (!EntityTagHeaderValue.TryParseList(new StringValues(ifMatch), out IList<EntityTagHeaderValue>? tags)
            || !EntityTagHeaderValue.TryParse(etag, out EntityTagHeaderValue? current))
        {
            return false;
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: true));
    }
}
