using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Audio.Mastering;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Tests.Audio;
using PodcastFactory.Core.Tests.Audio.Mastering;

namespace PodcastFactory.Core.Tests.Publishing;

public sealed class TranscriptBuilderTests
{
    const int Rate = 22050;

    // Segment audio: leading silence, then "sentences" of tone separated by 300 ms silences, at known positions.
    static byte[] Speech(double lead, params double[] sentences)
    {
        var pcm = new List<byte>();
        pcm.AddRange(new byte[(int)(lead * Rate) * 2]);
        for (int i = 0; i < sentences.Length; i++)
        {
            byte[] tone = SpeechLike.Wav(Rate, sentences[i], -20, i, peaks: false);
            pcm.AddRange(tone.AsSpan(44).ToArray());
            if (i < sentences.Length - 1)
            {
                pcm.AddRange(new byte[(int)(0.3 * Rate) * 2]);
            }
        }

        return [.. WavHeader.CreateCanonical(new WavFormat(Rate, 1, 16), pcm.Count), .. pcm];
    }

    static async Task<(SegmentPlan Plan, EpisodeTimeline Timeline)> MasterAsync(params (string Speaker, string Text, byte[] Audio, int Pause)[] segments)
    {
        var plan = new SegmentPlan(segments.Select((s, i) => new AudioSegment(i, s.Speaker, "v", s.Text, s.Pause, i)).ToList(), AudioFormat.Wav);
        var inputs = segments.Select((s, i) => TestAudio.Input($"s{i}", s.Audio, s.Pause)).ToList();
        MasterResult result = await new EpisodeMasterer(-16, -1.5).MasterAsync(inputs, AudioFormat.Wav, new CapturingEncoder().Start, CancellationToken.None);
        return (plan, result.Timeline);
    }

    [Fact]
    public async Task Build_SegmentsWithPausesAndSentences_CueTimesWithin100MsOfTheSound()
    {
        // Where the sound is, by construction: A: 0.2-1.7 and 2.0-3.0 (lead 0.2 s, 1.5 s, 0.3 s gap, 1.0 s), then 350 ms
        // pause; B starts at 3.35: 3.45-5.45 (lead 0.1 s).
        (SegmentPlan plan, EpisodeTimeline timeline) = await MasterAsync(
            ("Alex", "A long opening sentence is spoken first. Then a short one.", Speech(0.2, 1.5, 1.0), 350),
            ("Sam", "Sam answers in one sentence.", Speech(0.1, 2.0), 0));

        IReadOnlyList<TranscriptCue> cues = TranscriptBuilder.Build(plan, timeline);

        double[][] expected = [[0.2, 1.7], [2.0, 3.0], [3.45, 5.45]];
        Assert.Equal(3, cues.Count);
        for (int i = 0; i < cues.Count; i++)
        {
            Assert.InRange(cues[i].Start, expected[i][0] - 0.1, expected[i][0] + 0.1);
            Assert.InRange(cues[i].End, expected[i][1] - 0.1, expected[i][1] + 0.1);
        }

        Assert.Equal(["Alex", "Alex", "Sam"], cues.Select(c => c.Speaker));
        Assert.Equal("Then a short one.", cues[1].Text);
    }

    [Fact]
    public void WebVtt_SpeakerAndMarkup_WritesVoiceSpansAndEscapesText()
    {
        TranscriptCue[] cues = [new(0.25, 61.5, "Alex", "Use <b> & \"quotes\" --> here")];

        string vtt = TranscriptFormats.WebVtt(cues);

        Assert.StartsWith("WEBVTT\n\n", vtt, StringComparison.Ordinal);
        Assert.Contains("00:00:00.250 --> 00:01:01.500\n<v Alex>Use &lt;b&gt; &amp; \"quotes\" --&gt; here\n", vtt, StringComparison.Ordinal);
    }

    [Fact]
    public void Srt_Cues_NumbersThemWithCommaTimes()
    {
        TranscriptCue[] cues = [new(0, 1.2, "Alex", "Hi."), new(3723.004, 3724, "Sam", "Bye.")];

        string srt = TranscriptFormats.Srt(cues);

        Assert.Equal("1\n00:00:00,000 --> 00:00:01,200\nAlex: Hi.\n\n2\n01:02:03,004 --> 01:02:04,000\nSam: Bye.\n\n", srt);
    }
}
