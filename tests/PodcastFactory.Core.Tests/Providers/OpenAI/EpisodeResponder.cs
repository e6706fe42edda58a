using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

/// <summary>
/// Plays the model for a whole episode: answers each structured request (chosen by its JSON schema name) with
/// valid JSON built from what the request carries, using the offline agents so the rule checks pass.
/// </summary>
internal static partial class EpisodeResponder
{
    static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static Func<FakeRequest, JsonNode, FakeReply> For(ScriptBrief brief) => (request, body) =>
    {
        string system = Message(body, "system"), user = Message(body, "user");
        return request.SchemaName switch
        {
            "ResearchAnswer" => FakeReply.Chat(Research(system, user)),
            "ScriptAnswer" => FakeReply.Chat(Script(brief, user)),
            "JudgeAnswer" => FakeReply.Chat(Judge(user)),
            "SocialAnswer" => FakeReply.Chat("""{"text":"New episode: how durable workflows survive crashes. Listen now! #durable #workflows"}"""),
            _ => FakeReply.Error(400, $"unexpected schema '{request.SchemaName}'"),
        };
    };

    public static string Message(JsonNode body, string role)
    {
        JsonNode? message = body["messages"]!.AsArray().FirstOrDefault(m => (string?)m!["role"] == role);
        return message?["content"] switch
        {
            JsonValue v => (string?)v ?? "",
            JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
            _ => "",
        };
    }

    static string Research(string system, string user)
    {
        string topic = Topic().Match(system).Groups[1].Value, angle = Angle().Match(system).Groups[1].Value;
        List<SourceDocument> sources = SourceBlock().Matches(user).Select(m => new SourceDocument(m.Groups[1].Value, m.Groups[2].Value)).ToList();
        ResearchNotes notes = new OfflineResearchAgent().ResearchAsync(new ResearchBrief(topic, angle, 0, 4, "en"), sources, CancellationToken.None).Result.Value;
        return JsonSerializer.Serialize(new
        {
            summary = notes.Summary,
            notes = notes.Notes.Select(n => new { text = n.Text, source = n.Source, locator = n.Locator, relevance = Math.Clamp(n.Score, 0, 1) }),
        }, _json);
    }

    static string Script(ScriptBrief brief, string user)
    {
        List<ResearchNote> notes = NoteLine().Matches(user).Select(m => new ResearchNote(m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, 1)).ToList();
        var research = new ResearchNotes(brief.Topic, "merged", "", notes, HasSources: notes.Count > 0);
        Script script = new OfflineScriptAgent().WriteAsync(brief, research, CancellationToken.None).Result.Value;
        return JsonSerializer.Serialize(new { title = script.Title, turns = script.Turns.Select(t => new { speaker = t.Speaker, text = t.Text, claims = t.Claims ?? [] }) }, _json);
    }

    // A passing verdict with every claim of the SCRIPT block (turns numbered as sent) judged supported.
    static string Judge(string user)
    {
        JsonNode script = JsonNode.Parse(ScriptBlock().Match(user).Groups[1].Value)!;
        var claims = script["turns"]!.AsArray()
            .SelectMany(t => (t!["claims"] as JsonArray ?? []).Select(n => new
            {
                turn = (int)t["turn"]!, note = (int)n!, verdict = ClaimVerdicts.Supported, reason = "The passage says this.",
            }));
        return JsonSerializer.Serialize(new
        {
            passed = true, score = 0.9, checks = new[] { new { name = "accuracy", passed = true, detail = "Every claim matches its passage." } },
            suggestions = Array.Empty<string>(), claims,
        }, _json);
    }

    [GeneratedRegex("<<<SCRIPT>>>\n(.*?)\n<<<END SCRIPT>>>", RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex("Episode topic: \"(.*?)\"")]
    private static partial Regex Topic();

    [GeneratedRegex("Your angle: \"(.*?)\"")]
    private static partial Regex Angle();

    [GeneratedRegex("<<<SOURCE name=\"(.*?)\">>>\n(.*?)\n<<<END SOURCE>>>", RegexOptions.Singleline)]
    private static partial Regex SourceBlock();

    [GeneratedRegex(@"^\[(\d+)\] (.*) \(source: (.*?); (.*)\)$", RegexOptions.Multiline)]
    private static partial Regex NoteLine();
}
