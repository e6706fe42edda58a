using System.CommandLine;
using Microsoft.Extensions.Options;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.Local.Cli;

/// <summary>A started runtime with its backend, or the exit code that explains why it could not start.</summary>
/// <param name="Runtime">The runtime; null when it could not start (the problem has been printed).</param>
/// <param name="Backend">The resolved backend.</param>
/// <param name="Exit">The exit code to return when <paramref name="Runtime"/> is null.</param>
public sealed record CliRuntime(LocalRuntime? Runtime, BackendSettings? Backend, int Exit)
{
    /// <summary>
    /// Resolves <c>--store</c>, checks the backend is reachable (and durable when <paramref name="durableRequiredBecause"/>
    /// is given), then starts the runtime; configuration errors name the setting.
    /// </summary>
    public static async Task<CliRuntime> StartAsync(StoreOptions store, ParseResult parse, string? durableRequiredBecause, CancellationToken cancellationToken)
    {
        (BackendSettings backend, Dictionary<string, string?> settings, string? problem) = await store.ResolveAsync(parse, cancellationToken);
        if (problem is not null)
        {
            return new CliRuntime(null, backend, CliErrors.Unavailable(problem));
        }

        if (durableRequiredBecause is not null && !backend.IsDurable)
        {
            return new CliRuntime(null, backend, CliErrors.Unavailable(durableRequiredBecause));
        }

        try
        {
            return new CliRuntime(await LocalRuntime.StartAsync(backend, settings, cancellationToken: cancellationToken), backend, ExitCodes.Success);
        }
        catch (OptionsValidationException ex)
        {
            return new CliRuntime(null, backend, CliErrors.Configuration(ex));
        }
    }
}
