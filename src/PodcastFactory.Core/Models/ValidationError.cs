namespace PodcastFactory.Core.Models;

/// <summary>One problem with a request, naming the field it concerns.</summary>
/// <param name="Field">The request field, in camelCase as in the JSON contract (e.g. "topic", "hosts[1].voice").</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ValidationError(string Field, string Message);
