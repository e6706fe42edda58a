using System.Runtime.InteropServices;

namespace PodcastFactory.Bench.Reporting;

/// <summary>What the figures were measured on.</summary>
public static class MachineInfo
{
    /// <summary>One line: cores, CPU model, RAM, OS, runtime.</summary>
    public static string Describe()
    {
        string cpu = ReadLinuxValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        string? memKb = ReadLinuxValue("/proc/meminfo", "MemTotal")?.Replace("kB", "", StringComparison.Ordinal).Trim();
        string ram = long.TryParse(memKb, out long kb) ? Stats.I($"{kb / 1024.0 / 1024.0:0.0} GB RAM") : "RAM unknown";
        return Stats.I($"{Environment.ProcessorCount} cores ({cpu}), {ram}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    static string? ReadLinuxValue(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        string? line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
