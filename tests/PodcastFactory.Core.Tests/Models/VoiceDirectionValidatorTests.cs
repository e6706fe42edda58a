using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Models;

public sealed class VoiceDirectionValidatorTests
{
    static EpisodeRequest Request(string? style = null, IReadOnlyList<LexiconEntry>? lexicon = null) => new()
    {
        Topic = "Voices",
        Hosts = [new HostVoice("Alex", "flite:rms"), new HostVoice("Sam", "flite:slt", Style: style)],
        Lexicon = lexicon ?? [],
    };

    static IEnumerable<string> Fields(EpisodeRequest request) => EpisodeRequestValidator.Validate(request).Select(e => e.Field);

    [Fact]
    public void Validate_StyleAndLexiconWithinBounds_IsValid() =>
        Assert.Empty(EpisodeRequestValidator.Validate(Request(new string('s', 200), [.. Enumerable.Range(0, 200).Select(i => new LexiconEntry($"Word{i}", "say"))])));

    [Theory]
    [InlineData(201)]
    [InlineData(-1)]
    public void Validate_StyleTooLongOrMultiLine_NamesTheHostsStyle(int length) =>
        Assert.Equal(["hosts[1].style"], Fields(Request(length < 0 ? "calm\nfast" : new string('s', length))));

    [Fact]
    public void Validate_LexiconOverTheCap_NamesTheLexicon() =>
        Assert.Equal(["lexicon"], Fields(Request(lexicon: [.. Enumerable.Range(0, 201).Select(i => new LexiconEntry($"W{i}", "say"))])));

    [Theory]
    [InlineData("", "say", null, "lexicon[0].text")]
    [InlineData("SQL", null, null, "lexicon[0].say")]
    [InlineData("*SQL*", "sequel", null, "lexicon[0].text")]
    [InlineData("SQL", "sequel [pause]", null, "lexicon[0].say")]
    [InlineData("SQL", null, "\u0007", "lexicon[0].ipa")]
    public void Validate_BadEntry_NamesItsField(string text, string? say, string? ipa, string field) =>
        Assert.Contains(field, Fields(Request(lexicon: [new LexiconEntry(text, say, ipa)])));

    [Fact]
    public void Validate_OversizeFields_AreRefused() =>
        Assert.Equal(["lexicon[0].text", "lexicon[1].say"], Fields(Request(lexicon:
            [new LexiconEntry(new string('a', LexiconEntry.MaxTextCharacters + 1), "x"), new LexiconEntry("b", new string('b', LexiconEntry.MaxSayCharacters + 1))])));

    [Fact]
    public void Validate_SameTextTwice_NamesTheSecond() =>
        Assert.Equal(["lexicon[1].text"], Fields(Request(lexicon: [new LexiconEntry("SQL", "sequel"), new LexiconEntry("SQL", "ess cue ell")])));
}
