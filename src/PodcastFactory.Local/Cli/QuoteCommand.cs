using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// <c>podcast quote "topic"</c> with produce's options: what the episode is expected to cost per stage and at most,
/// with the assumptions, from the same <see cref="Quoter"/> as <c>POST /api/quotes</c>. The quote is stored in the
/// chosen store, so <c>podcast produce ... --quote-id ID</c> (same request, same store) runs under its high figure.
/// </summary>
public static class QuoteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(StoreOptions store)
    {
        var request = new RequestOptions();
        var json = new Option<bool>("--json") { Description = "Print the quote as JSON (the body of POST /api/quotes)." };
        var command = new Command("quote", "Estimate an episode's cost per stage (expected, low, high) before producing it.");
        request.AddTo(command);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            CliErrors.Json = parse.GetValue(json);
            return RunAsync(parse, request, store, parse.GetValue(json), ct);
        });
        return command;
    }

    static async Task<int> RunAsync(ParseResult parse, RequestOptions requestOptions, StoreOptions storeOptions, bool json, CancellationToken cancellationToken)
    {
        (EpisodeRequest request, IReadOnlyList<ValidationError> errors) = requestOptions.Build(parse);
        if (errors.Count > 0)
        {
            return CliErrors.Invalid(errors);
        }

        CliRuntime start = await CliRuntime.StartAsync(storeOptions, parse, null, cancellationToken);
        if (start.Runtime is not { } runtime)
        {
            return start.Exit;
        }

        await using (runtime)
        {
            EpisodeQuote quote;
            try
            {
                quote = await runtime.Services.GetRequiredService<Quoter>().QuoteAsync(request, cancellationToken);
            }
            catch (RequestValidationException ex)
            {
                return CliErrors.Invalid(ex.Errors);
            }

            await Console.Out.WriteLineAsync(json ? JsonSerializer.Serialize(QuoteResponse.Of(quote), PodcastJson.Compact) : Render(quote));
            return ExitCodes.Success;
        }
    }

    /// <summary>A table per stage, the totals, the assumptions and how to use the quote.</summary>
    public static string Render(EpisodeQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        CultureInfo c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Quote {quote.QuoteId} (valid until {quote.ExpiresAt:u})");
        text.AppendLine(c, $"{"STAGE",-10}{"CALLS",-8}{"EXPECTED",-12}HIGH");
        foreach (QuoteStage stage in quote.Stages)
        {
            text.AppendLine(c, $"{stage.Stage,-10}{$"{stage.Calls}-{stage.MaxCalls}",-8}{$"${stage.ExpectedUsd:0.0000}",-12}${stage.HighUsd:0.0000}{(stage.Skipped is { } why ? "  skipped: " + why : "")}");
        }

        QuoteAssumptions a = quote.Assumptions;
        text.AppendLine(c, $"Total: expected ${quote.TotalUsd:0.0000} (low ${quote.LowUsd:0.0000}), at most ${quote.HighUsd:0.0000} (the budget of a start with this quote)");
        text.AppendLine(c, $"Assumes: text {a.TextModel ?? "offline (free)"} at ${a.InputPerMillionTokens}/${a.OutputPerMillionTokens} per million tokens, speech {a.SpeechModel ?? "offline (free)"} at ${a.SpeechPerMillionCharacters} per million characters;");
        text.AppendLine(c, $"  {a.Words} words (at most {a.MaxWords}), {a.Segments} speech segments, {a.Angles} research angles carrying {a.SourceCharacters} characters each, up to {a.MaxRevisions} revision(s).");
        text.Append(c, $"Produce under it: podcast produce ... --quote-id {quote.QuoteId} (the same options, no --budget)");
        return text.ToString();
    }
}
