using System.Globalization;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Local.Cli;

/// <summary>One row of the summary's artifact table: a file, or a folder folded into a count.</summary>
/// <param name="Name">Path inside the episode folder (<c>script.md</c>), or the folder and its count (<c>speech/ (64 files)</c>).</param>
/// <param name="Bytes">Size, summed over a folded folder.</param>
public sealed record ArtifactRow(string Name, long Bytes);

/// <summary>
/// The artifact table of the summary, kept to what a person reads: files at the episode's root and small folders one
/// row each; a folder with more than <see cref="MaxListedPerFolder"/> files, and the speech folder always (its files are
/// content-hash names, one per distinct line), as one row with the count. The manifest still lists every file.
/// </summary>
public static class ArtifactRows
{
    /// <summary>Files of one folder listed one by one; more are folded into a count.</summary>
    public const int MaxListedPerFolder = 3;

    /// <summary>The rows for <paramref name="artifacts"/>, grouped by folder in the order folders first appear (the root's files first when the root comes first).</summary>
    public static IReadOnlyList<ArtifactRow> For(string episodeId, IReadOnlyList<ManifestArtifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        string speech = Relative(episodeId, SpeechContent.Folder(episodeId));
        var rows = new List<ArtifactRow>();
        foreach (IGrouping<string, (string Name, long Bytes)> folder in artifacts.Select(a => (Name: Relative(episodeId, a.Name), a.Bytes)).GroupBy(a => Folder(a.Name)))
        {
            List<(string Name, long Bytes)> files = folder.ToList();
            if (folder.Key.Length == 0 || (folder.Key != speech && files.Count <= MaxListedPerFolder))
            {
                rows.AddRange(files.Select(f => new ArtifactRow(f.Name, f.Bytes)));
            }
            else
            {
                rows.Add(new ArtifactRow(string.Create(CultureInfo.InvariantCulture, $"{folder.Key} ({files.Count} {(files.Count == 1 ? "file" : "files")})"), files.Sum(f => f.Bytes)));
            }
        }

        return rows;
    }

    /// <summary><paramref name="name"/> inside the episode folder.</summary>
    public static string Relative(string episodeId, string name) =>
        name.StartsWith(episodeId + "/", StringComparison.Ordinal) ? name[(episodeId.Length + 1)..] : name;

    // The first folder of a relative name with its slash ("speech/"), or "" for a file at the root.
    static string Folder(string relative) => relative.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? relative[..(slash + 1)] : "";
}
