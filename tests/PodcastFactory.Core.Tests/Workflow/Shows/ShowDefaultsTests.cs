using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Tests.Workflow.Shows;

/// <summary>A show's settings are an episode's defaults; what the request set itself wins.</summary>
public sealed class ShowDefaultsTests
{
    static readonly Show _show = new()
    {
        Id = "solo-show", Title = "Solo", Author = "A", Language = "de", DefaultMinutes = 12,
        Hosts = [new("Kim", "flite:slt"), new("Lee", "flite:rms")],
    };

    [Fact]
    public void Apply_NothingGiven_TakesCastLanguageAndLengthFromTheShow()
    {
        EpisodeRequest resolved = ShowDefaults.Apply(new EpisodeRequest { Topic = "t", Show = "solo-show" }, _show, RequestOverrides.None);

        Assert.Equal(_show.Hosts, resolved.Hosts);
        Assert.Equal("de", resolved.Language);
        Assert.Equal(12, resolved.TargetMinutes);
        Assert.Equal("solo-show", resolved.Show);
    }

    [Fact]
    public void Apply_ShowAndRequestLexicons_AreJoinedAndTheRequestWinsForTheSameWrittenForm()
    {
        Show show = _show with { Lexicon = [new("SQL", "sequel"), new("Saoirse", Ipa: "ˈsɪərʃə")] };
        var request = new EpisodeRequest { Topic = "t", Show = "solo-show", Lexicon = [new("SQL", "S Q L"), new("Kubernetes", "koo-ber-net-eez")] };

        EpisodeRequest resolved = ShowDefaults.Apply(request, show, RequestOverrides.None);

        Assert.Equal(["Saoirse", "SQL", "Kubernetes"], resolved.Lexicon.Select(e => e.Text));
        Assert.Equal("S Q L", resolved.Lexicon.Single(e => e.Text == "SQL").Say);
    }

    [Fact]
    public void Apply_GivenFields_KeepTheRequestsValuesEvenWhenTheyAreTheBuiltInDefaults()
    {
        var request = new EpisodeRequest { Topic = "t", Show = "solo-show", TargetMinutes = 5, Language = "en" };

        EpisodeRequest resolved = ShowDefaults.Apply(request, _show, RequestOverrides.TargetMinutes | RequestOverrides.Language);

        Assert.Equal(5, resolved.TargetMinutes);
        Assert.Equal("en", resolved.Language);
        Assert.Equal(_show.Hosts, resolved.Hosts);
    }

    [Fact]
    public void Infer_RequestDifferingFromBuiltInDefaults_CountsThoseFieldsAsGiven()
    {
        var request = new EpisodeRequest { Topic = "t", TargetMinutes = 9, Hosts = [new("X", "flite:rms"), new("Y", "flite:slt")] };

        Assert.Equal(RequestOverrides.TargetMinutes | RequestOverrides.Hosts, RequestOverridesExtensions.Infer(request));
        Assert.Equal(RequestOverrides.None, RequestOverridesExtensions.Infer(new EpisodeRequest { Topic = "t" }));
    }
}
