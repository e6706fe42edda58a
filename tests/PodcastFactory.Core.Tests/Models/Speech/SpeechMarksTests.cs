using PodcastFactory.Core.Models;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Tests.Models.Speech;

public sealed class SpeechMarksTests
{
    [Theory]
    [InlineData("Well [pause] that is it.", "Well that is it.")]
    [InlineData("Well [PAUSE], that is *really* it.", "Well, that is really it.")]
    [InlineData("[pause] Start *two words* here [pause]", "Start two words here")]
    [InlineData("A stray * asterisk and *unclosed", "A stray asterisk and unclosed")]
    [InlineData("No marks at all.", "No marks at all.")]
    public void Strip_MarkedText_LeavesTheWordsOnly(string text, string shown) => Assert.Equal(shown, SpeechMarks.Strip(text));

    [Fact]
    public void Strip_Script_StripsEveryTurnAndKeepsTheRest()
    {
        var script = new Script("T", [new ScriptTurn("Alex", "So [pause] *this* matters.", [1], "Intro"), new ScriptTurn("Sam", "Yes.")], 2);

        Script shown = SpeechMarks.Strip(script);

        Assert.Equal(["So this matters.", "Yes."], shown.Turns.Select(t => t.Text));
        Assert.Equal(("Intro", 2), (shown.Turns[0].Chapter, shown.Revision));
    }

    [Fact]
    public void Parse_PausesAndEmphasis_BecomePartsInOrder()
    {
        IReadOnlyList<SpokenPart> parts = SpokenText.Parse("One. [pause] Two is *key*.");

        Assert.Equal(
            [(SpokenPartKind.Words, "One. ", false), (SpokenPartKind.Pause, "", false), (SpokenPartKind.Words, " Two is ", false), (SpokenPartKind.Words, "key", true), (SpokenPartKind.Words, ".", false)],
            parts.Select(p => (p.Kind, p.Written, p.Emphasis)));
        Assert.Equal("One. … Two is key.", SpokenText.Plain(parts, "…"));
    }

    [Fact]
    public void Parse_EmphasisLongerThanItsBound_IsNotAMark()
    {
        string sentence = "*" + new string('a', SpeechMarks.MaxEmphasisCharacters + 1) + "*";

        Assert.DoesNotContain(SpokenText.Parse(sentence), p => p.Emphasis);
    }
}
