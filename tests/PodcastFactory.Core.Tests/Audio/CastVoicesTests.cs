using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Agents.Offline;

namespace PodcastFactory.Core.Tests.Audio;

public sealed class CastVoicesTests
{
    [Theory]
    [InlineData(EpisodeFormats.Solo, 1)]
    [InlineData(EpisodeFormats.Panel, 3)]
    [InlineData(EpisodeFormats.Debate, 4)]
    public async Task Plan_OfflineEpisodeOfTheCast_EachHostSpeaksInTheirOwnVoice(string format, int hosts)
    {
        (Script script, _) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(format, hosts));
        IReadOnlyList<HostVoice> cast = FormatEpisode.Cast(hosts);

        SegmentPlan plan = new ScriptSegmenter(600).Plan(script, cast, AudioFormat.Wav);

        Assert.Equal(cast.Select(h => (h.Name, h.Voice)).Order(), plan.Segments.Select(s => (s.Speaker, s.Voice)).Distinct().Order());
        Assert.All(plan.Segments, s => Assert.Equal(cast.Single(h => h.Name == s.Speaker).Voice, s.Voice));
    }
}
