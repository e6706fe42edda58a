using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class FormatDumpTests
{
    [Fact]
    public async Task Dump()
    {
        var text = new System.Text.StringBuilder();
        foreach (EpisodeFormat format in EpisodeFormats.All)
        {
            for (int hosts = format.MinHosts; hosts <= format.MaxHosts; hosts++)
            {
                var (script, review) = await FormatEpisode.ProduceAsync(FormatEpisode.Brief(format.Name, hosts));
                text.AppendLine($"=== {format.Name} x{hosts}: passed {review.Passed} rev {script.Revision} words {script.WordCount} turns {script.Turns.Count}; shares {string.Join(", ", FormatEpisode.Shares(script).Select(s => $"{s.Key} {s.Value:P1}"))}");
                text.AppendLine("   FAIL: " + FormatEpisode.Failures(review));
                foreach (var t in script.Turns.Take(hosts == 2 || format.MinHosts > 2 || hosts == 1 ? 14 : 0))
                {
                    text.AppendLine($"   {t.Speaker}{(t.Chapter is null ? "" : $" [{t.Chapter}]")}{(t.Claims is null ? "" : $" {{{string.Join(",", t.Claims)}}}")}: {t.Text}");
                }
            }
        }

        File.WriteAllText("/tmp/h4/formats.txt", text.ToString());
    }
}
