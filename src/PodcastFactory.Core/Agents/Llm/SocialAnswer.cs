namespace PodcastFactory.Core.Agents.Llm;

/// <summary>The social writer's JSON answer.</summary>
/// <param name="Text">The post, hashtags included.</param>
public sealed record SocialAnswer(string? Text)
{
    /// <summary>Field-level errors against the platform limit.</summary>
    public IReadOnlyList<string> Validate(int maxLength) =>
        string.IsNullOrWhiteSpace(Text) ? ["text is empty"]
        : Text.Trim().Length > maxLength ? [$"text has {Text.Trim().Length} characters; the limit is {maxLength}"]
        : [];
}
