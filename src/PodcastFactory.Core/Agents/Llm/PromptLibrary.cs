using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// The agents' prompts: Markdown files in Agents/Prompts embedded in the assembly, with <c>{{name}}</c>
/// placeholders. Rendering fails when a placeholder has no value, so a renamed placeholder cannot silently
/// reach the model.
/// </summary>
public static partial class PromptLibrary
{
    static readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <summary>The raw text of prompt <paramref name="name"/> (file name without ".md").</summary>
    /// <exception cref="InvalidOperationException">No such embedded prompt.</exception>
    public static string Get(string name) => _cache.GetOrAdd(name, Load);

    /// <summary>Prompt <paramref name="name"/> with every <c>{{key}}</c> replaced.</summary>
    /// <exception cref="InvalidOperationException">A placeholder in the prompt has no value.</exception>
    public static string Render(string name, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(Get(name), m => values.TryGetValue(m.Groups[1].Value, out string? value)
            ? value
            : throw new InvalidOperationException($"Prompt '{name}' has placeholder {{{{{m.Groups[1].Value}}}}} but no value was given."));
    }

    static string Load(string name)
    {
        Assembly assembly = typeof(PromptLibrary).Assembly;
        string resource = $"{assembly.GetName().Name}.Agents.Prompts.{name}.md";
        using Stream stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Prompt '{name}' is not embedded (expected resource {resource}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }

    [GeneratedRegex(@"\{\{([A-Za-z][A-Za-z0-9_]*)\}\}")]
    private static partial Regex Placeholder();
}
