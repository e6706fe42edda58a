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
        if (runWorker)
        {
            ActivityJournal journal = ActivityJournal.FromEnvironment();
            services.AddDurableTaskWorker(b =>
            {
                b.UseGrpc(address);
                b.AddTasks(journal.IsEnabled ? r => RegisterJournaled(r, journal) : WorkflowTasks.Register);
            });
        }

        services.AddDurableTaskClient(b => b.UseGrpc(address));
        return services;
    }

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
