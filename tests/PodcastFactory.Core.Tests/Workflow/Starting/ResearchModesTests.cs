using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Tests.Workflow.Starting;

public sealed class ResearchModesTests
{
    static readonly SourceInput[] _one = [new SourceInput(SourceKind.Text, "Some text.")];

    [Theory]
    [InlineData(true, false, ResearchMode.Web)]
    [InlineData(true, true, ResearchMode.Sources)]
    public void Resolve_NoModeGiven_DefaultsByProviderAndSources(bool searchConfigured, bool sources, ResearchMode expected)
    {
        var request = new EpisodeRequest { Topic = "topic", Sources = sources ? _one : [] };

        (ResearchMode mode, ValidationError? error) = ResearchModes.Resolve(request, searchConfigured);

        Assert.Equal(expected, mode);
        Assert.Null(error);
    }

    [Fact]
    public void Resolve_WebWithoutProvider_ErrorNamesTheSetting()
    {
        (_, ValidationError? error) = ResearchModes.Resolve(new EpisodeRequest { Topic = "topic", Research = ResearchMode.Web }, searchConfigured: false);

        Assert.Equal("research", error?.Field);
        Assert.Contains("Search__Provider", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BothWithoutSources_Error()
    {
        (_, ValidationError? error) = ResearchModes.Resolve(new EpisodeRequest { Topic = "topic", Research = ResearchMode.Both }, searchConfigured: true);

        Assert.NotNull(error);
    }

    [Fact]
    public void Resolve_TopicOnlyWithoutProvider_ErrorNamesSearchProviderAndSource()
    {
        (_, ValidationError? error) = ResearchModes.Resolve(new EpisodeRequest { Topic = "topic", Sources = [] }, searchConfigured: false);

        Assert.Equal("sources", error?.Field);
        Assert.Contains("Search__Provider", error!.Message, StringComparison.Ordinal);
        Assert.Contains("--source", error.Message, StringComparison.Ordinal);
    }
}
