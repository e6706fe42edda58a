using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PodcastFactory.Bench.Fakes;

/// <summary>
/// Realistic answers of the four structured calls, valid for their schemas and validators and about the size a model
/// writes: research notes (8-12 sentences of the source, with the nearest heading as locator), a script of the asked
/// length built from the notes it is given, a judge's verdict, a social post. What an answer needs (host names, target
/// words, note count) is read from the prompt, as a model would.
/// </summary>
public sealed partial class ChatAnswers(string sourceText)
{
    readonly IReadOnlyList<(string Heading, string Sentence)> _sentences = Sentences(sourceText);

    /// <summary>The answer's JSON text for a call with response schema <paramref name="schemaName"/>.</summary>
    public string Answer(string schemaName, JsonNode? schema, IReadOnlyList<(string Role, string Text)> messages)
    {
        string system = messages.FirstOrDefault(m => m.Role == "system").Text ?? "";
        string user = string.Join("\n", messages.Where(m => m.Role == "user").Select(m => m.Text));
        JsonObject answer = schemaName switch
        {
            "ResearchAnswer" => Research(system, schema),
            "ScriptAnswer" => Script(system, user),
            "JudgeAnswer" => Judge(user),
            "SocialAnswer" => new JsonObject
            {
                ["text"] = "Why don't durable workflows lose their place when a server dies? They replay an append-only history of events, "
                    + "and finished steps are never paid for twice. New episode out now. #DurableFunctions #Serverless",
            },
            _ => throw new InvalidOperationException($"fake chat model: no answer for schema '{schemaName}'"),
        };
        return answer.ToJsonString();
    }

    // 8 to 12 notes, a different stretch of the source for each angle.
    JsonObject Research(string system, JsonNode? schema)
    {
        string angle = Match(AngleRegex(), system, "angle");
        int seed = (int)(StableHash(angle) % 1000);
        int count = Math.Min(8 + (seed % 5), Number(MaxNotesRegex(), system, 12));
        string source = (string?)schema?["properties"]?["notes"]?["items"]?["properties"]?["source"]?["enum"]?[0]
            ?? throw new InvalidOperationException("fake chat model: the research schema lists no source names");
        var notes = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            (string heading, string sentence) = _sentences[(seed + (i * 3)) % _sentences.Count];
            notes.Add(new JsonObject { ["text"] = sentence, ["source"] = source, ["locator"] = heading, ["relevance"] = Math.Round(0.95 - (i * 0.05), 2) });
        }

        string summary = string.Join(" ", Enumerable.Range(0, 3).Select(i => _sentences[(seed + i) % _sentences.Count].Sentence));
        return new JsonObject { ["summary"] = summary, ["notes"] = notes };
    }

    // Alternating hosts, each content turn stating the next one or two notes and citing them; four chapters spread over the length.
    static JsonObject Script(string system, string user)
    {
        Match hosts = HostsRegex().Match(system);
        (string a, string b) = hosts.Success ? (hosts.Groups[1].Value, hosts.Groups[2].Value) : throw new InvalidOperationException("fake chat model: no hosts in the script prompt");
        int target = Number(TargetWordsRegex(), system, 750);
        int maxTurn = Number(MaxTurnRegex(), system, 600);
        List<string> notes = [.. NoteRegex().Matches(user).Select(m => m.Groups[1].Value)];
        var turns = new JsonArray
        {
            Turn(a, $"Welcome to the show. I'm {a}, here with {b}, and today we look at how durable workflows recover from crashes.", [], "Introduction"),
        };
        int words = 20, note = 0, chapter = 0;
        string[] chapters = ["Event histories", "Replay after a crash", "Activities and side effects", "What it costs"];
        while (words < target - 30 && notes.Count > 0)
        {
            string text = turns.Count % 2 == 0 ? "And here is the next piece." : "Right, and the research adds something.";
            var cited = new List<int>();
            while (cited.Count < 2 && text.Length + notes[note % notes.Count].Length + 1 <= maxTurn)
            {
                text += " " + notes[note % notes.Count];
                cited.Add(note % notes.Count);
                note++;
            }

            bool opens = chapter < chapters.Length && words >= (chapter + 1) * target / (chapters.Length + 1);
            turns.Add(Turn(turns.Count % 2 == 0 ? a : b, text, cited, opens ? chapters[chapter++] : null));
            words += text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        turns.Add(Turn(turns.Count % 2 == 0 ? a : b, "That's all for today. Thanks for listening, and see you next time.", [], null));
        return new JsonObject { ["title"] = "How durable workflows recover from crashes", ["turns"] = turns };
    }

    static JsonObject Turn(string speaker, string text, IEnumerable<int> claims, string? chapter) => new()
    {
        ["speaker"] = speaker,
        ["text"] = text,
        ["claims"] = new JsonArray([.. claims.Select(c => (JsonNode)c)]),
        ["chapter"] = chapter,
    };

    // The judge gives every claim of the script (turn, cited note) a verdict, as the schema requires since the judge fact-checks.
    static JsonObject Judge(string user)
    {
        JsonObject verdict = JudgeChecks();
        verdict["claims"] = new JsonArray([.. ScriptClaims(user).Select(c => (JsonNode)new JsonObject
        {
            ["turn"] = c.Turn, ["note"] = c.Note, ["verdict"] = "supported", ["reason"] = "The turn restates the cited note's passage.",
        })]);
        return verdict;
    }

    // The script is in the user message as JSON ({"title":...,"turns":[{"turn":1,...,"claims":[0,1]}]}).
    static IEnumerable<(int Turn, int Note)> ScriptClaims(string user)
    {
        int start = user.IndexOf("{\"title\"", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            throw new InvalidOperationException("fake chat model: no script JSON in the review prompt");
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(user[start..]));
        JsonElement script = JsonElement.ParseValue(ref reader);
        foreach (JsonElement turn in script.GetProperty("turns").EnumerateArray())
        {
            if (turn.TryGetProperty("claims", out JsonElement claims) && claims.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement note in claims.EnumerateArray())
                {
                    yield return (turn.GetProperty("turn").GetInt32(), note.GetInt32());
                }
            }
        }
    }

    static JsonObject JudgeChecks() => JsonSerializer.SerializeToNode(new
    {
        passed = true,
        score = 0.86,
        checks = new[]
        {
            new { name = "accuracy", passed = true, detail = "Every factual turn restates a research note closely and cites it; nothing is added beyond the notes." },
            new { name = "engagement", passed = true, detail = "The hosts alternate and react to each other, though some reactions are formulaic." },
            new { name = "clarity", passed = true, detail = "Terms such as event sourcing and replay are explained before they are used." },
            new { name = "flow", passed = true, detail = "Sections follow from one another; the move from replay to activities could be smoother." },
        },
        suggestions = new[]
        {
            "Vary the hosts' lead-ins so the reactions sound less repetitive.",
            "Add one concrete example of a crash and its recovery in the replay section.",
        },
    })!.AsObject();

    // Sentences of 60-300 characters outside code, Markdown emphasis and links removed, each with its section heading.
    static List<(string, string)> Sentences(string markdown)
    {
        var result = new List<(string, string)>();
        string heading = "Introduction";
        foreach (string raw in markdown.Split('\n'))
        {
            string line = LinkRegex().Replace(raw.Trim(), "$1").Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#', ' ');
                continue;
            }

            result.AddRange(SentenceEndRegex().Split(line).Where(s => s.Length is >= 60 and <= 300).Select(s => (heading, s.Trim())));
        }

        return result.Count > 0 ? result : throw new InvalidOperationException("fake chat model: the source has no sentences");
    }

    static int Number(Regex regex, string text, int fallback) =>
        regex.Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : fallback;

    static string Match(Regex regex, string text, string fallback) => regex.Match(text) is { Success: true } m ? m.Groups[1].Value : fallback;

    static uint StableHash(string text) => text.Aggregate(2166136261u, (h, c) => (h ^ c) * 16777619u);

    [GeneratedRegex("Your angle: \"([^\"]*)\"")]
    private static partial Regex AngleRegex();

    [GeneratedRegex(@"up to (\d+) claims")]
    private static partial Regex MaxNotesRegex();

    [GeneratedRegex(@"two hosts, (.+?) and (.+?)\.")]
    private static partial Regex HostsRegex();

    [GeneratedRegex(@"(?i)about (\d+) spoken words")]
    private static partial Regex TargetWordsRegex();

    [GeneratedRegex(@"longer than (\d+) characters")]
    private static partial Regex MaxTurnRegex();

    [GeneratedRegex(@"(?m)^\[\d+\] (.*) \(source: ")]
    private static partial Regex NoteRegex();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEndRegex();
}
