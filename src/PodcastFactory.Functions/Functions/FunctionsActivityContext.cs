using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Providers.RateLimiting.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace PodcastFactory.Functions.Functions;

/// <summary>The <see cref="TaskActivityContext"/> a Core activity receives when the Functions activity trigger runs it.</summary>
internal sealed class FunctionsActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}

/// <summary>Runs a Core activity, resolved from the invocation's services, with the trigger's input.</summary>
internal static class ActivityRunner
{
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext context, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        string instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out object? id) ? id?.ToString() ?? "" : "";
        TActivity activity = context.InstanceServices.GetRequiredService<TActivity>();
        return activity.RunAsync(new FunctionsActivityContext(new TaskName(typeof(TActivity).Name), instanceId), input);
    }

    /// <summary>
    /// Runs a provider-calling activity after handing the process's limit sharing the invocation's durable client: the
    /// worker gets a client only through bindings, and the first one attached starts the leases (issue 22: one limiter per
    /// deployment across Function instances, through <see cref="ProviderQuotaEntity"/>).
    /// </summary>
    public static Task<TOutput> RunSharingLimitsAsync<TActivity, TInput, TOutput>(FunctionContext context, TInput input, DurableTaskClient client)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        context.InstanceServices.GetService<SharedProviderQuotas>()?.Attach(client);
        return RunAsync<TActivity, TInput, TOutput>(context, input);
    }
}
