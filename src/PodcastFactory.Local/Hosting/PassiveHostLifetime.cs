using Microsoft.Extensions.Hosting;

namespace PodcastFactory.Local.Hosting;

/// <summary>
/// A host lifetime that does not listen for Ctrl-C or SIGTERM. The embedded hosts (sidecar, worker) must not take
/// the signal for themselves: the command that owns them receives it as a cancelled token, reports what happened
/// and then stops them in order. With the default console lifetime, Ctrl-C stopped the worker behind the command's
/// back and the command waited for an episode that could no longer progress.
/// </summary>
public sealed class PassiveHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
