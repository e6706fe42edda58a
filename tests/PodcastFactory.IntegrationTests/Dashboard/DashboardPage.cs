using Microsoft.Playwright;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>A browser page on the dashboard that collects uncaught script errors and CSP violations.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    readonly List<string> _problems = [];

    public DashboardPage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => _problems.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _problems.Add("CSP: " + message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught errors and CSP violations seen so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Opens a dashboard view by its hash route, e.g. <c>#/new</c>.</summary>
    public Task OpenAsync(string hash) => Page.GotoAsync("/dashboard/" + hash);

    public void AssertNoProblems() => Assert.True(_problems.Count == 0, string.Join('\n', _problems));

    public async ValueTask DisposeAsync() => await Page.Context.DisposeAsync();
}
