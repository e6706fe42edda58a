using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Web;

namespace PodcastFactory.Core.Tests.Sources.Web;

public sealed class ResultChooserTests
{
    static SearchHit Hit(string url) => new(url, "t", "");

    static List<string> Choose(int pages, params string[][] queries) =>
        ResultChooser.Choose(queries.Select(q => (IReadOnlyList<SearchHit>)q.Select(Hit).ToList()).ToList(), pages, allowPrivateNetwork: false)
            .Chosen.Select(h => h.Url).ToList();

    [Fact]
    public void Choose_ResultsShareASite_EverySiteOnceThenFillsFromTheRest()
    {
        List<string> chosen = Choose(3, ["https://a.org/1", "https://a.org/2", "https://a.org/3", "https://b.org/1"]);

        Assert.Equal(["https://a.org/1", "https://b.org/1", "https://a.org/2"], chosen);
    }

    [Fact]
    public void Choose_EveryResultOnOneSite_FillsTheBudget()
    {
        List<string> chosen = Choose(4, ["https://en.wikipedia.org/wiki/A", "https://en.wikipedia.org/wiki/B"], ["https://en.wikipedia.org/wiki/C", "https://en.wikipedia.org/wiki/A"]);

        Assert.Equal(["https://en.wikipedia.org/wiki/A", "https://en.wikipedia.org/wiki/C", "https://en.wikipedia.org/wiki/B"], chosen);
    }

    [Fact]
    public void Choose_SamePageWrittenTwoWays_ChosenOnce()
    {
        List<string> chosen = Choose(4, ["http://www.a.org/x/#top", "https://a.org/x", "https://a.org/y"]);

        Assert.Equal(["http://www.a.org/x/#top", "https://a.org/y"], chosen);
    }

    [Fact]
    public void Choose_RefusedAddressAmongResults_SkippedWithTheReasonAndTheBudgetStillFilled()
    {
        var (chosen, skipped) = ResultChooser.Choose([[Hit("http://[64:ff9b::7f00:1]/"), Hit("https://a.org/1"), Hit("https://a.org/2")]], 2, allowPrivateNetwork: false);

        Assert.Equal(["https://a.org/1", "https://a.org/2"], chosen.Select(h => h.Url));
        Assert.Equal(["skipped http://[64:ff9b::7f00:1]/: its address is refused (private, loopback or link-local)"], skipped);
    }
}
