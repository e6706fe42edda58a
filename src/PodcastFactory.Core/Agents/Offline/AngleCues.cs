namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// Expands a research angle ("challenges and trade-offs") into cue words that sentences serving that angle tend to
/// use ("however", "cost", "overhead"...). The angle's own words are always included; cues only add recall.
/// </summary>
internal static class AngleCues
{
    static readonly (string[] Triggers, string[] Cues)[] _cues =
    [
        (["background", "definition", "definitions", "basics", "overview", "introduction", "fundamentals", "concepts"],
            ["mean", "define", "definition", "refer", "call", "known", "concept", "term", "idea", "basic", "describe", "core"]),
        (["how", "works", "work", "mechanism", "mechanics", "process", "internals", "architecture"],
            ["step", "process", "record", "store", "run", "execute", "mechanism", "first", "each", "write", "read", "load"]),
        (["challenges", "challenge", "trade-offs", "tradeoffs", "trade", "offs", "risks", "limitations", "problems", "pitfalls"],
            ["however", "cost", "costly", "trade", "risk", "problem", "limit", "limitation", "difficult", "hard", "harder",
             "hardest", "overhead", "pitfall", "slow", "slower", "expensive", "careful", "fail", "failure", "bug",
             "mistake", "downside", "free", "grow", "surprise", "breaking", "bookkeeping", "size"]),
        (["examples", "example", "real-world", "real", "world", "case", "cases", "practice", "applications", "uses"],
            ["example", "instance", "company", "team", "product", "service", "order", "payment", "customer", "user",
             "used", "scenario", "shop", "bank"]),
        (["future", "outlook", "trends", "trend", "next", "ahead", "tomorrow", "evolution"],
            ["future", "trend", "emerging", "next", "evolve", "likely", "growing", "expect", "roadmap", "year",
             "increasingly", "coming", "new", "moving", "mainstream", "adoption", "becoming", "platform"]),
    ];

    /// <summary>Content tokens of the angle plus the cue tokens its words trigger.</summary>
    public static List<string> Expand(string angle)
    {
        List<string> tokens = TextTokenizer.Tokenize(angle);
        var words = angle.ToLowerInvariant().Split([' ', ',', ';', '/', '&'], StringSplitOptions.RemoveEmptyEntries);
        foreach ((string[] triggers, string[] cues) in _cues)
        {
            if (words.Any(w => triggers.Contains(w, StringComparer.Ordinal)))
            {
                tokens.AddRange(cues.SelectMany(c => TextTokenizer.Tokenize(c)));
            }
        }

        return tokens;
    }
}
