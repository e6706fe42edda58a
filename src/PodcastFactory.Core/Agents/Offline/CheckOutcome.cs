using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>A check's result plus, when it failed, one concrete suggestion for the script writer.</summary>
internal sealed record CheckOutcome(ReviewCheck Check, string? Suggestion)
{
    /// <summary>A passed check (no suggestion).</summary>
    public static CheckOutcome Pass(string name, string detail) => new(new ReviewCheck(name, true, detail), null);

    /// <summary>A failed check with its suggestion.</summary>
    public static CheckOutcome Fail(string name, string detail, string suggestion) => new(new ReviewCheck(name, false, detail), suggestion);
}
