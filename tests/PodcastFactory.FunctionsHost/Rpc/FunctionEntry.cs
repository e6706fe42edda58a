using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace PodcastFactory.FunctionsHost.Rpc;

/// <summary>One function as the worker indexed it: its id (for load and invocation) and its raw bindings.</summary>
internal sealed class FunctionEntry
{
    FunctionEntry(RpcFunctionMetadata metadata, IReadOnlyList<JsonElement> bindings)
    {
        Metadata = metadata;
        Bindings = bindings;
        Trigger = bindings.Single(b => Type(b).EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The metadata the worker returned (sent back in the load request).</summary>
    public RpcFunctionMetadata Metadata { get; }

    public string Name => Metadata.Name;

    public string FunctionId => Metadata.FunctionId;

    public IReadOnlyList<JsonElement> Bindings { get; }

    /// <summary>The trigger binding (httpTrigger, timerTrigger, orchestrationTrigger, activityTrigger...).</summary>
    public JsonElement Trigger { get; }

    public string TriggerType => Type(Trigger);

    public string TriggerName => Trigger.GetProperty("name").GetString()!;

    /// <summary>Names of the <c>[DurableClient]</c> input bindings.</summary>
    public IEnumerable<string> DurableClientBindings =>
        Bindings.Where(b => Type(b).Equals("durableClient", StringComparison.OrdinalIgnoreCase)).Select(b => b.GetProperty("name").GetString()!);

    /// <summary>A string property of the trigger binding (route, schedule...), or null.</summary>
    public string? TriggerProperty(string name) =>
        Trigger.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static FunctionEntry From(RpcFunctionMetadata metadata) =>
        new(metadata, [.. metadata.RawBindings.Select(raw => JsonDocument.Parse(raw).RootElement.Clone())]);

    static string Type(JsonElement binding) => binding.GetProperty("type").GetString() ?? "";
}
