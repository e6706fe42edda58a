using Microsoft.Extensions.Options;
using Moq;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Sources.Fetching;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Tests.Workflow.Starting;

/// <summary>Requirement 7: sources that are not text are refused with a message naming the source.</summary>
public sealed class SourceTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pf-src-").FullName;
    private readonly SourceLoader _loader = new(
        new BoundedFetcher(Mock.Of<IHttpClientFactory>(), Options.Create(new FetchOptions()), Options.Create(new WorkflowOptions()), TimeProvider.System),
        Options.Create(new FetchOptions()),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<SourceLoader>.Instance);

    [Fact]
    public async Task LoadAsync_FileOfNulBytes_IsRefusedAsNotText()
    {
        string path = Path.Combine(_folder, "zeros.bin");
        await File.WriteAllBytesAsync(path, new byte[4096]);

        var (documents, errors) = await _loader.LoadAsync([new SourceInput(SourceKind.File, path)], default);

        Assert.Empty(documents);
        ValidationError error = Assert.Single(errors);
        Assert.Equal("sources[0].value", error.Field);
        Assert.Contains("zeros.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("not text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_FileOfInvalidUtf8_IsRefused()
    {
        string path = Path.Combine(_folder, "latin1.txt");
        await File.WriteAllBytesAsync(path, [0x48, 0x69, 0xFF, 0xFE, 0x20, 0xE9]);

        var (documents, errors) = await _loader.LoadAsync([new SourceInput(SourceKind.File, path)], default);

        Assert.Empty(documents);
        Assert.Equal("sources[0].value", Assert.Single(errors).Field);
    }

    [Fact]
    public async Task LoadAsync_MarkdownFileWithTabsAndLineBreaks_IsAccepted()
    {
        string path = Path.Combine(_folder, "notes.md");
        await File.WriteAllTextAsync(path, "# Notes\r\n\n\tDurable workflows replay.\f");

        var (documents, errors) = await _loader.LoadAsync([new SourceInput(SourceKind.File, path)], default);

        Assert.Empty(errors);
        Assert.Equal("notes.md", Assert.Single(documents).Name);
    }

    [Fact]
    public void Validate_TextSourceWithEscapeSequence_IsRefused()
    {
        var request = new EpisodeRequest { Topic = "Durable workflows", Sources = [new SourceInput(SourceKind.Text, "ok\u001b[2J")] };

        Assert.Contains(EpisodeRequestValidator.Validate(request), e => e.Field == "sources[0].value");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
