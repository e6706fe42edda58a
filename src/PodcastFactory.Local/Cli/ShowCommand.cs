using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// <c>podcast show create|list|get</c>: the shows of the chosen store (the same documents <c>/api/shows</c> serves),
/// checked by the same <see cref="ShowRules"/>. Bad input exits 2 naming the option; an unknown show exits 2 too.
/// </summary>
public static class ShowCommand
{
    /// <summary>Exit code of <c>create</c> when the id is taken (a deleted show keeps it until purged over the API).</summary>
    public const int Exists = ExitCodes.InvalidInput;

    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("show", "Manage shows: each has its cast, defaults and its own feed; episodes name one with --show.");
        command.Subcommands.Add(CreateCommand(new StoreOptions()));
        command.Subcommands.Add(ListCommand(new StoreOptions()));
        command.Subcommands.Add(GetCommand(new StoreOptions()));
        return command;
    }

    static Command CreateCommand(StoreOptions store)
    {
        var options = new ShowOptions();
        var json = JsonOption();
        var command = new Command("create", "Create a show from options or a JSON file (--file).");
        options.AddTo(command);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            CliErrors.Json = parse.GetValue(json);
            (ShowBody? body, IReadOnlyList<ValidationError> errors) = await options.BuildAsync(parse, ct);
            if (body is null)
            {
                return CliErrors.Invalid(errors);
            }

            return await WithStoreAsync(store, parse, async services =>
            {
                DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                Show show = body.ToShow(body.Id ?? "", now, now);
                if (await services.GetRequiredService<ShowRules>().ValidateAsync(show, ct) is { Count: > 0 } invalid)
                {
                    return CliErrors.Invalid(invalid);
                }

                ShowStore shows = services.GetRequiredService<ShowStore>();
                if ((await shows.IdsAsync(ct)).Count >= ShowStore.MaxShows)
                {
                    return CliErrors.Fail(ExitCodes.InvalidInput, $"The store holds {ShowStore.MaxShows} shows, the most it keeps; purge one first.");
                }

                if (await shows.CreateAsync(show, ct) is not { } created)
                {
                    return CliErrors.Fail(Exists, $"Show '{show.Id}' exists already (a deleted show keeps its id until purged).", "--id");
                }

                await Console.Out.WriteLineAsync(parse.GetValue(json) ? Json(created.Show) : $"Created show {show.Id}: {show.Title} ({show.Hosts.Count} host(s)).");
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    static Command ListCommand(StoreOptions store)
    {
        var json = JsonOption();
        var deleted = new Option<bool>("--deleted") { Description = "List deleted shows too." };
        var command = new Command("list", "List the shows.");
        command.Options.Add(json);
        command.Options.Add(deleted);
        store.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            CliErrors.Json = parse.GetValue(json);
            return WithStoreAsync(store, parse, async services =>
            {
                List<StoredShow> shows = await services.GetRequiredService<ShowStore>().ListAsync(parse.GetValue(deleted), ct);
                await Console.Out.WriteLineAsync(parse.GetValue(json)
                    ? JsonSerializer.Serialize(shows.Select(s => s.Show).ToList(), PodcastJson.Compact)
                    : Table(shows.Select(s => s.Show).ToList()));
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    static Command GetCommand(StoreOptions store)
    {
        var id = new Argument<string>("id") { Description = "The show's id." };
        var json = JsonOption();
        var command = new Command("get", "Print one show.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            CliErrors.Json = parse.GetValue(json);
            string showId = parse.GetValue(id) ?? "";
            return WithStoreAsync(store, parse, async services =>
            {
                if (await services.GetRequiredService<ShowStore>().FindAsync(showId, ct) is not { } found)
                {
                    return CliErrors.Fail(ExitCodes.InvalidInput, $"There is no show '{(ShowValidator.IsId(showId) ? showId : "(malformed id)")}'.", "id");
                }

                await Console.Out.WriteLineAsync(parse.GetValue(json) ? Json(found.Show) : Describe(found.Show));
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    /// <summary>One row per show: id, title, hosts, format, minutes, and whether it was deleted.</summary>
    public static string Table(IReadOnlyList<Show> shows)
    {
        ArgumentNullException.ThrowIfNull(shows);
        if (shows.Count == 0)
        {
            return "No shows yet: podcast show create --id my-show --title \"My show\".";
        }

        int width = Math.Max(4, shows.Max(s => s.Id.Length)) + 2;
        var rows = new List<string> { $"{"ID".PadRight(width)}{"HOSTS",-7}{"FORMAT",-11}{"MIN",-5}TITLE" };
        rows.AddRange(shows.Select(s => $"{s.Id.PadRight(width)}{s.Hosts.Count,-7}{s.DefaultFormat,-11}{s.DefaultMinutes,-5}{s.Title}{(s.DeletedAt is null ? "" : " (deleted)")}"));
        return string.Join(Environment.NewLine, rows);
    }

    /// <summary>A show's fields, one per line, its cast indented.</summary>
    public static string Describe(Show show)
    {
        ArgumentNullException.ThrowIfNull(show);
        var text = new StringBuilder();
        text.AppendLine($"{show.Id}: {show.Title}{(show.DeletedAt is null ? "" : " (deleted)")}");
        text.AppendLine($"  language {show.Language}, category {show.Category}, {(show.Explicit ? "explicit" : "clean")}, author {show.Author}");
        text.AppendLine($"  default format {show.DefaultFormat}, {show.DefaultMinutes} min");
        foreach (HostVoice host in show.Hosts)
        {
            text.AppendLine($"  host {host.Name} ({host.Voice}){(host.Persona is null ? "" : ": " + host.Persona)}");
        }

        if (show.Instructions is { } instructions)
        {
            text.AppendLine($"  instructions: {instructions}");
        }

        return text.ToString().TrimEnd();
    }

    static Option<bool> JsonOption() => new("--json") { Description = "Print JSON (the show documents of /api/shows)." };

    static string Json(Show show) => JsonSerializer.Serialize(show, PodcastJson.Compact);

    // Shows live in the artifact store of --store/--out; the runtime is what resolves that store for every command.
    static async Task<int> WithStoreAsync(StoreOptions store, ParseResult parse, Func<IServiceProvider, Task<int>> action, CancellationToken cancellationToken)
    {
        CliRuntime start = await CliRuntime.StartAsync(store, parse, null, cancellationToken);
        if (start.Runtime is not { } runtime)
        {
            return start.Exit;
        }

        await using (runtime)
        {
            return await action(runtime.Services);
        }
    }
}
