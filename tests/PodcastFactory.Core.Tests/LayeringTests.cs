using System.Reflection;
using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Tests;

/// <summary>
/// Core's folders are layers (docs/architecture.md): a folder may use only folders of a lower layer, so no import
/// cycle can come back. The scan reads every <c>PodcastFactory.Core.X</c> reference in the sources (usings, static
/// usings and qualified names).
/// </summary>
public sealed partial class LayeringTests
{
    // Lower number = lower layer. A new top-level folder must be placed here before it builds green.
    static readonly Dictionary<string, int> _layers = new(StringComparer.Ordinal)
    {
        ["Models"] = 0, ["Diagnostics"] = 0, ["Languages"] = 0,
        ["Configuration"] = 1,
        ["Artifacts"] = 2, ["Costs"] = 2, ["Audio"] = 2,
        ["Providers"] = 3, ["Publishing"] = 3,
        ["Agents"] = 4,
        ["Sources"] = 5,
        ["Workflow"] = 6,
        ["Scheduling"] = 7,
        ["Api"] = 8,
        ["Dashboard"] = 9,
    };

    [Fact]
    public void CoreFolders_EveryReference_PointsToALowerLayer()
    {
        var violations = new List<string>();
        foreach ((string folder, string file, string used) in References())
        {
            if (used != folder && (!_layers.TryGetValue(used, out int usedLayer) || usedLayer >= _layers[folder]))
            {
                violations.Add($"{file}: {folder} (layer {_layers[folder]}) uses {used}");
            }
        }

        Assert.True(violations.Count == 0, "Layering violations:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void CoreFolders_Ground_UsesNoOtherFolder()
    {
        string[] ground = [.. _layers.Where(l => l.Value == 0).Select(l => l.Key)];
        var uses = References().Where(r => ground.Contains(r.Folder) && r.Used != r.Folder).ToList();
        Assert.Empty(uses);
    }

    [Fact]
    public void CoreFolders_EveryFolder_HasALayer()
    {
        string[] folders = [.. Directory.GetDirectories(SourceRoot()).Select(Path.GetFileName).OfType<string>().Where(IsSourceFolder)];
        Assert.All(folders, f => Assert.True(_layers.ContainsKey(f), $"Folder {f} has no layer in LayeringTests."));
        Assert.Contains("Models", folders);
    }

    static IEnumerable<(string Folder, string File, string Used)> References()
    {
        string root = SourceRoot();
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file);
            string folder = relative.Split(Path.DirectorySeparatorChar)[0];
            if (!IsSourceFolder(folder) || folder == relative)
            {
                continue;
            }

            foreach (Match match in CoreReference().Matches(File.ReadAllText(file)))
            {
                yield return (folder, relative, match.Groups[1].Value);
            }
        }
    }

    static bool IsSourceFolder(string name) => name is not ("bin" or "obj");

    static string SourceRoot() =>
        typeof(LayeringTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CoreSourceRoot").Value!;

    [GeneratedRegex(@"\bPodcastFactory\.Core\.([A-Z]\w*)")]
    private static partial Regex CoreReference();
}
