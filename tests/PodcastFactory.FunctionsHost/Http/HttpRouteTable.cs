using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using PodcastFactory.FunctionsHost.Rpc;

namespace PodcastFactory.FunctionsHost.Http;

/// <summary>
/// The HTTP triggers' routes, from the functions' own metadata (methods, route template) under the route prefix of
/// host.json, matched most specific first (ASP.NET Core's inbound precedence), as the host's router does.
/// </summary>
internal sealed class HttpRouteTable
{
    readonly List<(FunctionEntry Function, HashSet<string> Methods, TemplateMatcher Matcher)> _routes;

    public HttpRouteTable(IEnumerable<FunctionEntry> functions, string routePrefix)
    {
        _routes = [.. functions
            .Where(f => f.TriggerType.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Function: f, Template: TemplateParser.Parse(Join(routePrefix, f.TriggerProperty("route") ?? f.Name))))
            .OrderBy(r => RoutePrecedence.ComputeInbound(r.Template))
            .Select(r => (r.Function, Methods(r.Function), new TemplateMatcher(r.Template, new RouteValueDictionary())))];
    }

    /// <summary>The function for <paramref name="method"/> and <paramref name="path"/>, with its route values; null when none matches.</summary>
    public (FunctionEntry Function, RouteValueDictionary Values)? Match(string method, PathString path)
    {
        foreach ((FunctionEntry function, HashSet<string> methods, TemplateMatcher matcher) in _routes)
        {
            var values = new RouteValueDictionary();
            if ((methods.Count == 0 || methods.Contains(method)) && matcher.TryMatch(path, values))
            {
                return (function, values);
            }
        }

        return null;
    }

    static HashSet<string> Methods(FunctionEntry function) =>
        function.Trigger.TryGetProperty("methods", out System.Text.Json.JsonElement methods) && methods.ValueKind == System.Text.Json.JsonValueKind.Array
            ? methods.EnumerateArray().Select(m => m.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    static string Join(string prefix, string route) => string.IsNullOrEmpty(prefix) ? route : prefix.Trim('/') + "/" + route.TrimStart('/');
}
