using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// Asks the model for JSON matching the schema of <c>T</c>, parses and validates it; on invalid output it sends
/// the validation errors back once and asks again; a second invalid answer throws
/// <see cref="InvalidModelOutputException"/>, so junk never reaches the next stage. Tokens of both calls are counted.
/// </summary>
public sealed partial class StructuredChat(LlmModel model, ILogger<StructuredChat> logger)
{
    /// <summary>Serializer settings of the model's JSON (camelCase, case-insensitive reading); read-only from the start.</summary>
    /// <remarks>
    /// Options left writable are completed (resolver set, then frozen) by their first user: the first parallel research
    /// calls of a fresh process raced to do it, and one or two of them failed and were retried every time.
    /// </remarks>
    public static readonly JsonSerializerOptions Json = Frozen(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    });

    static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The model behind the chat.</summary>
    public LlmModel Model => model;

    /// <summary>Sends <paramref name="system"/> and <paramref name="user"/> and returns the validated answer.</summary>
    /// <param name="agent">Agent name for the ledger (<see cref="AgentNames"/>).</param>
    /// <param name="what">What is asked for, for error messages ("script", "research notes").</param>
    /// <param name="system">System prompt.</param>
    /// <param name="user">User message (the data blocks).</param>
    /// <param name="validate">Field-level errors of a parsed answer; empty when valid.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <param name="maxOutputTokens">The most output tokens the answer may take (<see cref="OutputTokenCaps"/>): sent to the model and used by the call's estimate.</param>
    /// <param name="enums">Properties restricted to a set of strings in the strict schema (see <see cref="StrictSchema.For{T}"/>).</param>
    public async Task<AgentResult<T>> AskAsync<T>(string agent, string what, string system, string user, Func<T, IReadOnlyList<string>> validate, int maxOutputTokens, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>>? enums = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(validate);
        long started = Stopwatch.GetTimestamp();
        // Strict mode: the service only returns JSON that matches the schema (all fields present, no others, enums kept).
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOutputTokens);
        JsonElement schema = StrictSchema.For<T>(Json, enums);
        // The agent's settings: a temperature (left out for models that refuse one) and a cap that replaces the call's
        // own (reasoning models spend hidden tokens under the same cap); the estimate below uses the cap that is sent.
        AgentSampling sampling = (model.Sampling ?? ChatSampling.None).For(agent);
        maxOutputTokens = sampling.MaxOutputTokens ?? maxOutputTokens;
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, typeof(T).Name, $"The {what} as JSON."),
            MaxOutputTokens = maxOutputTokens,
            Temperature = sampling.Temperature,
            AdditionalProperties = new AdditionalPropertiesDictionary { [StrictSchema.StrictKey] = true },
        };
        List<ChatMessage> messages = [new(ChatRole.System, system), new(ChatRole.User, user)];
        long input = 0, output = 0;
        IReadOnlyList<string> errors = [];
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            // Journaled before it is sent and when it is answered: an answer that turns out invalid is paid all the same.
            ChatResponse response = await PaidCalls.CallAsync(
                new PaidCallInfo(agent, model.Provider, model.Model, "tokens", EstimateUsd(messages, schema.GetRawText().Length, maxOutputTokens)),
                () => model.Client.GetResponseAsync(messages, options, cancellationToken),
                (answer, ms) => new AgentUsage(agent, model.Provider, model.Model, answer.Usage?.InputTokenCount ?? 0, answer.Usage?.OutputTokenCount ?? 0, "tokens",
                    ms, model.Prices.Text(model.Model, answer.Usage?.InputTokenCount ?? 0, answer.Usage?.OutputTokenCount ?? 0)));
            input += response.Usage?.InputTokenCount ?? 0;
            output += response.Usage?.OutputTokenCount ?? 0;
            string text = response.Text;
            (T? value, errors) = Parse(text, validate);
            if (value is not null)
            {
                var usage = new AgentUsage(agent, model.Provider, model.Model, input, output, "tokens",
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, model.Prices.Text(model.Model, input, output));
                return new AgentResult<T>(value, usage);
            }

            Logs.InvalidModelOutput(logger, what, attempt, string.Join("; ", errors));
            messages.Add(new ChatMessage(ChatRole.Assistant, text));
            messages.Add(new ChatMessage(ChatRole.User,
                $"Your answer was not valid {what} JSON: {string.Join("; ", errors)}. Answer again with only the corrected JSON object matching the schema."));
        }

        throw new InvalidModelOutputException($"The model returned invalid {what} JSON twice: {string.Join("; ", errors)}");
    }

    // The prompt as sent (messages and the response schema) and an answer as long as the cap allows: the most the call
    // can cost on its output side, and about what it costs on its input side.
    decimal EstimateUsd(List<ChatMessage> messages, int schemaCharacters, int maxOutputTokens) =>
        model.Prices.Text(model.Model, OutputTokenCaps.PromptTokens(messages.Sum(m => (long)(m.Text?.Length ?? 0)) + schemaCharacters, messages.Count), maxOutputTokens);

    static (T? Value, IReadOnlyList<string> Errors) Parse<T>(string text, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        string json = StripFence(text);
        if (json.Length == 0)
        {
            return (null, ["the answer was empty"]);
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException e)
        {
            return (null, [$"not valid JSON ({e.Message})"]);
        }

        if (value is null)
        {
            return (null, ["the answer was null"]);
        }

        IReadOnlyList<string> errors = validate(value);
        return errors.Count == 0 ? (value, errors) : (null, errors);
    }

    // Some OpenAI-compatible servers wrap JSON in a Markdown fence even when asked for JSON only.
    static string StripFence(string text)
    {
        string trimmed = (text ?? "").Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        int firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        int close = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && close > firstLine ? trimmed[(firstLine + 1)..close].Trim() : trimmed;
    }
}
