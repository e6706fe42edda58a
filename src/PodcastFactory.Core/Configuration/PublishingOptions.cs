using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>The publish stage: mastering target and the MP3 encoder. Section <c>Publishing</c>.</summary>
public sealed class PublishingOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Publishing";

    /// <summary>Whether the publish stage runs (master, transcript, chapters, show notes, feed).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Integrated loudness target, LUFS (podcast platforms expect -16 for stereo-equivalent speech, -19 mono is also seen).</summary>
    [Range(-30.0, -10.0, ErrorMessage = "Publishing:TargetLufs must be between -30 and -10.")]
    public double TargetLufs { get; set; } = -16;

    /// <summary>The highest true peak allowed in the published MP3, dBTP.</summary>
    [Range(-9.0, 0.0, ErrorMessage = "Publishing:MaxTruePeakDbtp must be between -9 and 0.")]
    public double MaxTruePeakDbtp { get; set; } = -1;

    /// <summary>
    /// How far the encoded MP3's loudness may miss the target, LU: every pass is checked against it, a miss is mastered
    /// again with the error corrected (at most 3 passes), and a miss after the last pass is a warning. EBU R128's ±0.5 LU.
    /// </summary>
    [Range(0.1, 1.0, ErrorMessage = "Publishing:LoudnessToleranceLu must be between 0.1 and 1.")]
    public double LoudnessToleranceLu { get; set; } = 0.5;

    /// <summary>
    /// Publishes that master at the same time in one worker process; the others wait their turn. Mastering and encoding
    /// are CPU work: more at once than the cores can run only stretches every episode instead of finishing some sooner.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Publishing:QueueWidth must be between 1 and 64.")]
    public int QueueWidth { get; set; } = 2;

    /// <summary>Extra headroom below <see cref="MaxTruePeakDbtp"/> for the overshoot MP3 encoding adds, dB.</summary>
    [Range(0.0, 3.0, ErrorMessage = "Publishing:CodecHeadroomDb must be between 0 and 3.")]
    public double CodecHeadroomDb { get; set; } = 0.7;

    /// <summary>MP3 bit rate, kbit/s (mono speech: 64 is the common choice).</summary>
    [Range(32, 320, ErrorMessage = "Publishing:Mp3BitrateKbps must be between 32 and 320.")]
    public int Mp3BitrateKbps { get; set; } = 64;

    /// <summary>
    /// Path of the MP3 encoder, <c>ffmpeg</c> or <c>lame</c> (told apart by file name). Empty: <c>tools/ffmpeg</c>
    /// next to the app (the static binary shipped with the Functions app), then <c>ffmpeg</c>, then <c>lame</c> on PATH.
    /// </summary>
    public string? EncoderPath { get; set; }

    /// <summary>Longest time the encoder may take for one episode, seconds.</summary>
    [Range(10, 3600, ErrorMessage = "Publishing:EncoderTimeoutSeconds must be between 10 and 3600.")]
    public int EncoderTimeoutSeconds { get; set; } = 600;

    /// <summary>Turns per chapter when the script names no chapters (titles are then taken from the turns).</summary>
    [Range(2, 100, ErrorMessage = "Publishing:TurnsPerFallbackChapter must be between 2 and 100.")]
    public int TurnsPerFallbackChapter { get; set; } = 8;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EncoderPath is { Length: > 0 } path && path.Trim().Length == 0)
        {
            yield return new ValidationResult("Publishing:EncoderPath must not be blank.", [nameof(EncoderPath)]);
        }
    }
}
