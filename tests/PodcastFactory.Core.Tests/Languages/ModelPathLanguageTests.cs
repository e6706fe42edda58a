using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Languages;

/// <summary>Every model-path request of a Spanish episode names the language, as the fake OpenAI-compatible server receives it.</summary>
public sealed class ModelPathLanguageTests
{
    static readonly ResearchNotes _research = new("Huertos urbanos", "merged", "",
        [new ResearchNote("Los huertos comunitarios reducen la temperatura de las calles cercanas.", "huertos.md", "sentence 1", 1)], HasSources: true);

    static readonly ScriptBrief _brief = new("Huertos urbanos", EpisodeRequest.DefaultHosts, 5, "es", 600);

    static readonly Script _script = new("Huertos", [new ScriptTurn("Alex", "Bienvenidos al programa."), new ScriptTurn("Sam", "Gracias por escucharnos.")], 0);

    [Fact]
    public async Task WriteAsync_SpanishBrief_SystemPromptNamesSpanish()
    {
        string system = await SystemPromptAsync(s => s.GetRequiredService<IScriptAgent>().WriteAsync(_brief, _research, CancellationToken.None));

        Assert.Contains("Language: Spanish (es): every turn, chapter title and", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviseAsync_SpanishBrief_SystemPromptNamesSpanish()
    {
        var review = new ScriptReview(0, false, 0.5, [new ReviewCheck("length", false, "too short")], ["Alarga el guion."]);

        string system = await SystemPromptAsync(s => s.GetRequiredService<IScriptAgent>().ReviseAsync(_brief, _research, _script, review, CancellationToken.None));

        Assert.Contains("Spanish (es)", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_SpanishBrief_JudgeIsToldToFailAScriptNotInSpanish()
    {
        string system = await SystemPromptAsync(s => s.GetRequiredService<IEvaluatorAgent>().EvaluateAsync(_brief, _script, _research, CancellationToken.None));

        Assert.Contains("Language: Spanish (es).", system, StringComparison.Ordinal);
        Assert.Contains("language: every turn is in Spanish (es); a script (or a turn) in another language fails", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteSocialAsync_Spanish_SystemPromptNamesSpanish()
    {
        string system = await SystemPromptAsync(s => s.GetRequiredService<ISocialAgent>().WriteAsync("Huertos urbanos", "es", _script, _research, CancellationToken.None));

        Assert.Contains("Spanish (es), the episode's language", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResearchAsync_Spanish_SystemPromptNamesSpanish()
    {
        string system = await SystemPromptAsync(s => s.GetRequiredService<IResearchAgent>().ResearchAsync(
            new ResearchBrief("Huertos urbanos", "key points", 0, 5, "es"), [new SourceDocument("huertos.md", "Los huertos comunitarios reducen la temperatura.")], CancellationToken.None));

        Assert.Contains("Write in Spanish (es).", system, StringComparison.Ordinal);
    }

    static async Task<string> SystemPromptAsync(Func<ServiceProvider, Task> call)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(_brief);
        await using ServiceProvider services = ProviderStack.Azure(server);
        try
        {
            await call(services);
        }
        catch (Core.Agents.Llm.InvalidModelOutputException)
        {
            // The fake's answer may not fit this call's checks; what matters here is what was sent.
        }

        Assert.NotEmpty(server.ChatRequests);
        return EpisodeResponder.Message(JsonNode.Parse(server.ChatRequests.First().Body)!, "system");
    }
}
