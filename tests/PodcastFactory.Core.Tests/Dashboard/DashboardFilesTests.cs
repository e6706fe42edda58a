using System.Text;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Dashboard;

namespace PodcastFactory.Core.Tests.Dashboard;

/// <summary>
/// The dashboard's embedded files: what ships, with which content types, and the rules that keep untrusted text
/// inert (no HTML parsing of data, nothing inline that the Content-Security-Policy would have to allow).
/// </summary>
public sealed partial class DashboardFilesTests
{
    [Theory]
    [InlineData("", "text/html; charset=utf-8")]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("app.css", "text/css; charset=utf-8")]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("views/episode.js", "text/javascript; charset=utf-8")]
    public void Find_ShippedFile_HasItsContentTypeAndAStrongETag(string path, string contentType)
    {
        DashboardFile? file = DashboardFiles.Find(path);

        Assert.NotNull(file);
        Assert.Equal(contentType, file.ContentType);
        Assert.Matches("^\"[0-9a-f]{32}\"$", file.ETag);
    }

    [Theory]
    [InlineData("../PodcastFactory.Core.dll")]
    [InlineData("views/../../appsettings.json")]
    [InlineData("/etc/passwd")]
    [InlineData("views\\list.js")]
    [InlineData("APP.JS")]
    public void Find_AnythingButAnEmbeddedPath_IsNull(string path)
    {
        Assert.Null(DashboardFiles.Find(path));
    }

    [Fact]
    public void Modules_EveryImport_IsAShippedFile()
    {
        foreach (DashboardFile file in DashboardFiles.All.Values.Where(f => f.Path.EndsWith(".js", StringComparison.Ordinal)))
        {
            string folder = Path.GetDirectoryName(file.Path)!.Replace('\\', '/');
            foreach (Match import in Import().Matches(Encoding.UTF8.GetString(file.Bytes)))
            {
                string target = Path.GetFullPath(Path.Combine("/", folder, import.Groups[1].Value))[1..];
                Assert.True(DashboardFiles.Find(target) is not null, $"{file.Path} imports {import.Groups[1].Value}, which is not shipped.");
            }
        }
    }

    [Fact]
    public void Scripts_NeverParseDataAsHtmlOrCode()
    {
        string[] forbidden = ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute('style'", "javascript:"];
        foreach (DashboardFile file in DashboardFiles.All.Values.Where(f => f.Path.EndsWith(".js", StringComparison.Ordinal)))
        {
            string text = Encoding.UTF8.GetString(file.Bytes);
            Assert.All(forbidden, word => Assert.False(text.Contains(word, StringComparison.Ordinal), $"{file.Path} uses {word}."));
        }
    }

    [Fact]
    public void Index_HasNoInlineScriptStyleOrHandler()
    {
        string html = Encoding.UTF8.GetString(DashboardFiles.Find("index.html")!.Bytes);

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
        Assert.DoesNotMatch(@"<style\b|\sstyle=|\son[a-z]+=", html);
    }

    [Fact]
    public void ContentSecurityPolicy_AllowsOnlyThisOrigin()
    {
        Assert.Contains("default-src 'self'", DashboardFiles.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", DashboardFiles.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", DashboardFiles.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^import .* from '(\.[^']+)';", RegexOptions.Multiline)]
    private static partial Regex Import();
}
