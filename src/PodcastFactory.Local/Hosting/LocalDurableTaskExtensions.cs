using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Local.Hosting;

/// <summary>Wires the portable Durable Task worker and client to a sidecar address.</summary>
public static class LocalDurableTaskExtensions
{
    /// <summary>Adds the worker (every workflow task registered) and the client, both over gRPC to <paramref name="address"/>.</summary>
    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services, string address, bool runWorker = true)
    {
        GrpcChannel channel = CreateChannel(address);
        services.AddSingleton(channel);
        if (runWorker)
        {
            ActivityJournal journal = ActivityJournal.FromEnvironment();
            services.AddDurableTaskWorker(b =>
            {
                b.UseGrpc(channel);
                b.AddTasks(journal.IsEnabled ? r => RegisterJournaled(r, journal) : WorkflowTasks.Register);
            });
        }

        services.AddDurableTaskClient(b => b.UseGrpc(channel));
        return services;
    }

    /// <summary>
    /// A channel to the loopback sidecar that never goes through a proxy: with HTTP_PROXY set and no NO_PROXY, the
    /// default handler sent the local gRPC calls to the proxy and every call failed.
    /// </summary>
    public static GrpcChannel CreateChannel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true },
        DisposeHttpClient = true,
    });

    static void RegisterJournaled(DurableTaskRegistry registry, ActivityJournal journal)
    {
        foreach (Type orchestrator in WorkflowTasks.Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (Type activity in WorkflowTasks.Activities)
        {
            registry.AddActivity(new TaskName(activity.Name), sp =>
                journal.Wrap(activity.Name, (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(sp, activity)));
        }
    }
}
