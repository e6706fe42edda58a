using System.Globalization;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// <c>social.md</c> format: a front-matter block with platform and limit, then the post text exactly as it is to
/// be published (so the final evaluation can measure it).
/// </summary>
public static class SocialMarkdown
{
    /// <summary>Renders a post.</summary>
    public static string Render(SocialPost post) => string.Create(CultureInfo.InvariantCulture,
        $"---\nplatform: {post.Platform}\nmaxLength: {post.MaxLength}\nlength: {post.Text.Length}\n---\n{post.Text}\n");

    /// <summary>Parses what <see cref="Render"/> wrote.</summary>
    public static SocialPost Parse(string markdown)
    {
        string[] parts = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("---\n", 3);
        if (parts.Length < 3)
        {
            throw new InvalidDataException("social.md has no front matter.");
        }

        Dictionary<string, string> header = parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.Ordinal);
        return new SocialPost(
            header.GetValueOrDefault("platform", "x"),
            parts[2].TrimEnd('\n'),
            int.Parse(header.GetValueOrDefault("maxLength", "280"), CultureInfo.InvariantCulture));
    }
}
