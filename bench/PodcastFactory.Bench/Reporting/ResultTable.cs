using System.Text;

namespace PodcastFactory.Bench.Reporting;

/// <summary>Collects rows and renders them as a Markdown table (printed, and optionally written to a file).</summary>
public sealed class ResultTable
{
    readonly List<ResultRow> _rows = [];

    /// <summary>Rows so far.</summary>
    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>Adds a row and echoes it, so a long run shows progress.</summary>
    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.Error.WriteLine($"  [{row.Scenario}/{row.Backend}] {row.Figure}: {row.Value} ({row.Detail})");
    }

    /// <summary>The table as Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | backend | figure | value | measured (medians) |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (ResultRow r in _rows)
        {
            text.AppendLine(Stats.I($"| {r.Scenario} | {r.Backend} | {r.Figure} | {r.Value} | {r.Detail} |"));
        }

        return text.ToString();
    }
}
