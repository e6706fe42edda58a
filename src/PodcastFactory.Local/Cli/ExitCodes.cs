namespace PodcastFactory.Local.Cli;

/// <summary>Process exit codes of the <c>podcast</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The episode completed.</summary>
    public const int Success = 0;
    /// <summary>The episode failed (a critical stage failed).</summary>
    public const int EpisodeFailed = 1;
    /// <summary>Bad input or configuration: nothing was started.</summary>
    public const int InvalidInput = 2;
    /// <summary>The environment is not ready (e.g. no Azurite answering).</summary>
    public const int Unavailable = 3;
    /// <summary>The script failed its quality gate; research, script and reviews were kept, no audio was made.</summary>
    public const int NeedsReview = 4;
    public const int Partial = 5;
    /// <summary>Interrupted by Ctrl-C.</summary>
    public const int Interrupted = 130;
}
