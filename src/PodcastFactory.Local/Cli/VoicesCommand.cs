using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodcastFactory.Core;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// <c>podcast voices</c>: the voices of the configured speech provider (the <c>Speech__*</c> settings, as for
/// <c>produce</c>), from the same catalog as <c>GET /api/voices</c>. Needs no task hub, so it starts none.
/// </summary>
public static class VoicesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the listing as JSON (the body of GET /api/voices)." };
        var command = new Command("voices", "List the voices of the configured speech provider (language and gender where known).");
        command.Options.Add(json);
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(json), Console.Out, ct));
        return command;
    }

    /// <summary>Writes the listing to <paramref name="output"/>: a table, or JSON with <paramref name="asJson"/>.</summary>
    public static async Task<int> RunAsync(bool asJson, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        CliErrors.Json = asJson;
        IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddPodcastFactory(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();
        VoiceListing listing;
        try
        {
            listing = await VoicesApi.ListAsync(provider.GetRequiredService<ISpeechSynthesizer>(), cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            return CliErrors.Configuration(ex);
        }

        await output.WriteLineAsync(asJson ? JsonSerializer.Serialize(listing, PodcastJson.Compact) : Table(listing));
        return ExitCodes.Success;
    }

    /// <summary>One row per voice (id, language, gender; "-" where unknown) under a header naming the provider.</summary>
    public static string Table(VoiceListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (listing.Voices.Count == 0)
        {
            return $"{listing.Provider}: this provider does not list its voices; any voice it accepts works.";
        }

        int width = Math.Max(5, listing.Voices.Max(v => v.Id.Length)) + 2;
        var rows = new List<string> { $"Voices of {listing.Provider} ({listing.Voices.Count}):", $"{"VOICE".PadRight(width)}{"LANGUAGE",-10}GENDER" };
        rows.AddRange(listing.Voices.Select(v => $"{v.Id.PadRight(width)}{v.Language ?? "any",-10}{v.Gender ?? "-"}"));
        return string.Join(Environment.NewLine, rows);
    }
}
