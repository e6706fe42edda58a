namespace PodcastFactory.Core.Workflow;

/// <summary>Stage names, as shown in progress, the manifest and the API, and each stage's share of the progress bar.</summary>
public static class Stages
{
    /// <summary>Research fan-out and merge.</summary>
    public const string Research = "research";
    /// <summary>Script draft.</summary>
    public const string Script = "script";
    /// <summary>Quality gate (reviews and revisions).</summary>
    public const string Review = "review";
    /// <summary>Polish pass on the passed script, fact-checked again.</summary>
    public const string Polish = "polish";
    /// <summary>Waiting for a person's approval.</summary>
    public const string Approval = "approval";
    /// <summary>Social post.</summary>
    public const string Social = "social";
    /// <summary>Speech and stitching.</summary>
    public const string Audio = "audio";
    /// <summary>Final evaluation.</summary>
    public const string Quality = "quality";
    /// <summary>Master, transcript, chapters, show notes and feed.</summary>
    public const string Publish = "publish";
    /// <summary>Manifest.</summary>
    public const string Manifest = "manifest";
    /// <summary>Finished.</summary>
    public const string Done = "done";

    // Percent published when each stage starts, in pipeline order: the one place the progress shares are decided.
    static readonly (string Stage, int Percent)[] _progress =
    [
        (Research, 5), (Script, 35), (Review, 45), (Polish, 56), (Approval, 62), (Social, 65), (Audio, 66), (Quality, 92), (Publish, 93), (Manifest, 96), (Done, 100),
    ];

    /// <summary>Percent published when <paramref name="stage"/> starts.</summary>
    public static int StartPercent(string stage) => _progress[IndexOf(stage)].Percent;

    /// <summary>Percent after <paramref name="done"/> of <paramref name="total"/> steps of <paramref name="stage"/>, within its share.</summary>
    public static int PercentWithin(string stage, int done, int total)
    {
        int index = IndexOf(stage);
        int start = _progress[index].Percent, end = _progress[Math.Min(index + 1, _progress.Length - 1)].Percent;
        return start + ((end - start) * Math.Clamp(done, 0, total) / Math.Max(1, total));
    }

    static int IndexOf(string stage)
    {
        int index = Array.FindIndex(_progress, p => p.Stage == stage);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage.");
    }
}
