namespace PodcastFactory.Core.Providers.Speech;

/// <summary>One voice a cloud speech provider lists.</summary>
/// <param name="Id">What the provider's synthesis call takes (Azure ShortName, ElevenLabs voice_id).</param>
/// <param name="Name">Display name, also accepted in a request.</param>
/// <param name="Locale">Language of the voice (e.g. en-US), or null for a multilingual voice.</param>
/// <param name="Female">True female, false male, null unknown.</param>
public sealed record ProviderVoice(string Id, string Name, string? Locale, bool? Female);
