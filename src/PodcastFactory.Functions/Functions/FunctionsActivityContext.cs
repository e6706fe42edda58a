using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
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
}
