using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Input of <see cref="PlanSegmentsActivity"/>; with <paramref name="Language"/> the plan names each segment's content-addressed speech.</summary>
public sealed record PlanSegmentsInput(string EpisodeId, string ScriptArtifact, IReadOnlyList<HostVoice> Hosts, int MaxCharacters, string? Language = null, IReadOnlyList<LexiconEntry>? Lexicon = null);

/// <summary>Output of <see cref="PlanSegmentsActivity"/>: the plan is an artifact; only counts travel.</summary>
public sealed record PlanSegmentsOutput(string PlanArtifact, int SegmentCount, long TotalCharacters, string Extension, int WordCount = 0, long UnvoicedCharacters = -1, IReadOnlyList<string>? Warnings = null);

/// <summary>Input of <see cref="SynthesizeSegmentActivity"/>.</summary>
public sealed record SynthesizeSegmentInput(string EpisodeId, string PlanArtifact, int Index, string Language);

/// <summary>Output of <see cref="SynthesizeSegmentActivity"/>.</summary>
public sealed record SynthesizeSegmentOutput(string Artifact, long Bytes, AgentUsage Usage);

/// <summary>Input of <see cref="StitchAudioActivity"/>.</summary>
public sealed record StitchAudioInput(string EpisodeId, string PlanArtifact, IReadOnlyList<string> SegmentArtifacts, string Extension);

/// <summary>Output of <see cref="StitchAudioActivity"/>.</summary>
public sealed record StitchAudioOutput(string Artifact, double DurationSeconds, long Bytes, int SegmentCount);

/// <summary>Input of <see cref="FinalEvaluationActivity"/>.</summary>
public sealed record FinalEvaluationInput(string EpisodeId, string ScriptArtifact, int WordCount, bool AudioPromised, string? AudioArtifact, bool SocialPromised, string? SocialArtifact);

/// <summary>Output of <see cref="FinalEvaluationActivity"/>.</summary>
public sealed record FinalEvaluationOutput(string Artifact, bool Passed, IReadOnlyList<string> Findings);
