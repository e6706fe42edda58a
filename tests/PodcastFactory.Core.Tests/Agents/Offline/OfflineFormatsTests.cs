using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>Issue 24 items 2 and 3 offline: every format with every cast it allows, on the README's sample source.</summary>
public sealed class OfflineFormatsTests
{
    public static TheoryData<string, int> FormatsAndCasts()
    {
        var data = new TheoryData<string, int>();
        foreach (EpisodeFormat format in EpisodeFormats.All)
        {
            for (int hosts = format.MinHosts; hosts <= format.MaxHosts; hosts++)
            {
                data.Add(format.Name, hosts);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndCasts))]
    public async Task ProduceAsync_EveryFormatAndCast_PassesReviewEveryHostSpeaksWithAFairShare(string format, int hosts)
    {
        (Script script, ScriptReview review) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(format, hosts));

        Assert.True(review.Passed, FormatEpisode.Failures(review));
        Dictionary<string, double> shares = FormatEpisode.Shares(script);
        Assert.Equal(FormatEpisode.Cast(hosts).Select(h => h.Name).Order(), shares.Keys.Order());
        (double min, double max) = CastRules.Shares(hosts);
        Assert.All(shares, s => Assert.InRange(s.Value, min, max));
        Assert.Contains(script.Turns, t => t.Claims is { Count: > 0 });
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ProduceAsync_Debate_ArgumentsAlternatePositionsAndEachCitesAClaim(int hosts)
    {
        (Script script, _) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(EpisodeFormats.Debate, hosts));
        IReadOnlyList<string> cast = FormatEpisode.Cast(hosts).Select(h => h.Name).ToList();

        List<ScriptTurn> rounds = Section(script, "Opening arguments").Concat(Section(script, "Rebuttals")).ToList();

        Assert.True(rounds.Count >= 4, $"{rounds.Count} argument turns");
        Assert.All(rounds, t => Assert.NotEmpty(t.Claims ?? []));
        List<bool> against = rounds.Select(t => DebateArc.ArguesAgainst(cast, t.Speaker)).ToList();
        Assert.All(against.Select((side, k) => (side, k)), x => Assert.Equal(x.k % 2 == 1, x.side));
        // The "against" side argues from the source's own contrasts.
        ResearchNotes research = await FormatEpisode.ResearchAsync();
        Assert.All(rounds.Where((_, k) => k % 2 == 1), t => Assert.Equal(Stance.Against, NoteStance.Of(research.Notes[t.Claims![0]].Text)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task ProduceAsync_Interview_InterviewersAskAndTheGuestAnswersInTheNextTurn(int hosts)
    {
        (Script script, _) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(EpisodeFormats.Interview, hosts));
        string guest = FormatEpisode.Cast(hosts)[^1].Name;

        int recap = script.Turns.ToList().FindIndex(t => t.Chapter == "Takeaways");
        List<int> questions = Enumerable.Range(0, recap - 1).Where(i => script.Turns[i].Text.TrimEnd().EndsWith('?')).ToList();

        Assert.True(questions.Count >= 5, $"{questions.Count} questions");
        Assert.All(questions, i =>
        {
            Assert.NotEqual(guest, script.Turns[i].Speaker);
            Assert.Equal(guest, script.Turns[i + 1].Speaker);
            Assert.NotEmpty(script.Turns[i + 1].Claims ?? []);
        });
        Assert.Contains($"our guest today is {guest}", script.Turns[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProduceAsync_Panel_EachSectionIsOpenedByItsOwnerInTurn()
    {
        (Script script, _) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(EpisodeFormats.Panel, 3));
        IReadOnlyList<string> cast = FormatEpisode.Cast(3).Select(h => h.Name).ToList();

        List<ScriptTurn> openings = script.Turns.Skip(1).Where(t => t.Chapter is not null and not "Takeaways").ToList();

        Assert.True(openings.Count >= 3, $"{openings.Count} sections");
        Assert.Equal(openings.Select((_, k) => PanelArc.Owner(cast, k)), openings.Select(t => t.Speaker));
    }

    [Fact]
    public async Task ProduceAsync_Solo_OneNarratorAsksNobody()
    {
        (Script script, _) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(EpisodeFormats.Solo, 1));

        Assert.All(script.Turns, t => Assert.Equal("Alex", t.Speaker));
        Assert.DoesNotContain(script.Turns, t => t.Text.TrimEnd().EndsWith('?'));
        Assert.DoesNotContain(script.Turns, t => t.Text.Contains("Thanks, ", StringComparison.Ordinal) || t.Text.Contains("My pleasure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProduceAsync_Brief_TellsOnlyTheBestRankedNotesInTwoMinutes()
    {
        (Script script, ScriptReview review) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(EpisodeFormats.Brief, 2));
        (Script deepDive, _) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(EpisodeFormats.DeepDive, 2, minutes: 2));

        Assert.True(review.Passed, FormatEpisode.Failures(review));
        Assert.InRange(script.WordCount, 1, TextStats.TargetWords(2) * 5 / 4);
        List<int> told = script.Turns.SelectMany(t => t.Claims ?? []).Distinct().ToList();
        // The best-ranked notes, in rank order; fitting the short target may pass over one note too long for the words left.
        List<int> best = ScriptPlanner.Usable(await FormatEpisode.ResearchAsync()).Take(told.Count + 1).ToList();
        Assert.All(told, i => Assert.Contains(i, best));
        Assert.Contains("in brief", script.Turns[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("in brief", deepDive.Turns[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProduceAsync_Critique_StrengthsThenWeaknessesFromTheSourcesContrasts()
    {
        (Script script, _) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(EpisodeFormats.Critique, 2));
        ResearchNotes research = await FormatEpisode.ResearchAsync();

        List<string?> chapters = script.Turns.Select(t => t.Chapter).OfType<string>().Cast<string?>().ToList();
        Assert.True(chapters.IndexOf("What holds up") < chapters.IndexOf("Where it falls short"), string.Join(", ", chapters));
        List<ScriptTurn> weaknesses = Section(script, "Where it falls short").Where(t => t.Claims is { Count: > 0 }).ToList();
        Assert.NotEmpty(weaknesses);
        Assert.All(weaknesses, t => Assert.Equal(Stance.Against, NoteStance.Of(research.Notes[t.Claims![0]].Text)));
    }

    [Fact]
    public async Task Render_TwoHostDeepDive_IsTheDialogueItAlwaysWas()
    {
        ResearchNotes research = await FormatEpisode.ResearchAsync();
        var legacy = new PodcastFactory.Core.Agents.ScriptBrief(FormatEpisode.Topic, EpisodeRequest.DefaultHosts, 5, "en", 600);

        Script script = (await new OfflineScriptAgent().WriteAsync(legacy, research, CancellationToken.None)).Value;

        Assert.Equal($"Welcome to the show. I'm Alex, and with me today is Sam. We're talking about {FormatEpisode.Topic}.", script.Turns[0].Text);
        Assert.All(script.Turns.Zip(script.Turns.Skip(1)).Take(script.Turns.Count - 2), p => Assert.NotEqual(p.First.Speaker, p.Second.Speaker));
        Assert.Equal("My pleasure, Sam. Until next time, everyone.", script.Turns[^1].Text);
    }

    [Fact]
    public void NoteStance_SourceContrasts_AreAgainstAndAdvantagesAreFor()
    {
        Assert.Equal(Stance.Against, NoteStance.Of("Durable execution is not free."));
        Assert.Equal(Stance.Against, NoteStance.Of("It is fast, but the trade-off is storage."));
        Assert.Equal(Stance.For, NoteStance.Of("Replay is what makes crash recovery almost free."));
        Assert.Equal(Stance.Neutral, NoteStance.Of("A checkpoint is a durable record of progress."));
    }

    // The turns of the chapter named, up to the next chapter.
    static IEnumerable<ScriptTurn> Section(Script script, string chapter) =>
        script.Turns.SkipWhile(t => t.Chapter != chapter).TakeWhile((t, k) => k == 0 || t.Chapter is null);
}
