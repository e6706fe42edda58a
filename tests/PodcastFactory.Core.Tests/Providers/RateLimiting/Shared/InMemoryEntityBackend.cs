using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Entities;
using Moq;

namespace PodcastFactory.Core.Tests.Providers.RateLimiting.Shared;

/// <summary>
/// A task hub's entity side in memory, as the Durable Task SDK defines it: signals are queued and run one at a time per
/// entity on a background task (as a backend's entity work items are), state is stored as JSON between operations, and
/// clients read it back. It runs the real entity classes; only the transport and storage are in memory (the embedded
/// local backend has no entities to run them on).
/// </summary>
internal sealed class InMemoryEntityBackend(Func<string, ITaskEntity> entities) : DurableEntityClient("in-memory")
{
    readonly Lock _gate = new();
    readonly Dictionary<EntityInstanceId, string> _states = [];
    readonly SemaphoreSlim _serial = new(1);

    /// <summary>Operations run so far.</summary>
    public int Operations { get; private set; }

    /// <summary>A durable client of this backend, as a host hands one to a process.</summary>
    public DurableTaskClient Client()
    {
        var client = new Mock<DurableTaskClient>(MockBehavior.Loose, "in-memory") { CallBase = true };
        client.SetupGet(c => c.Entities).Returns(this);
        return client.Object;
    }

    public override Task SignalEntityAsync(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null, CancellationToken cancellation = default)
    {
        string? json = input is null ? null : JsonSerializer.Serialize(input, input.GetType());
        // Queued, not run inline: the caller learns the outcome only by reading the state later, as on a real backend.
        _ = Task.Run(async () =>
        {
            await Task.Delay(5, CancellationToken.None);
            await _serial.WaitAsync(CancellationToken.None);
            try
            {
                await RunAsync(id, operationName, json);
            }
            finally
            {
                _serial.Release();
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public override Task<EntityMetadata?> GetEntityAsync(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default) =>
        throw new NotSupportedException("Read typed state with GetEntityAsync<T>.");

    public override Task<EntityMetadata<T>?> GetEntityAsync<T>(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.TryGetValue(id, out string? json)
                ? new EntityMetadata<T>(id, JsonSerializer.Deserialize<T>(json)!)
                : null);
        }
    }

    public override AsyncPageable<EntityMetadata> GetAllEntitiesAsync(EntityQuery? filter = null) => throw new NotSupportedException();

    public override AsyncPageable<EntityMetadata<T>> GetAllEntitiesAsync<T>(EntityQuery? filter = null) => throw new NotSupportedException();

    public override Task<CleanEntityStorageResult> CleanEntityStorageAsync(CleanEntityStorageRequest? request = null, bool continueUntilComplete = true, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    async Task RunAsync(EntityInstanceId id, string operationName, string? input)
    {
        string? state;
        lock (_gate)
        {
            state = _states.GetValueOrDefault(id);
        }

        var entityState = new JsonState(state);
        await entities(id.Name).RunAsync(new Operation(operationName, id, entityState, input));
        lock (_gate)
        {
            if (entityState.Json is { } json)
            {
                _states[id] = json;
            }

            Operations++;
        }
    }

    sealed class JsonState(string? json) : TaskEntityState
    {
        public string? Json { get; private set; } = json;

        public override bool HasState => Json is not null;

        public override object? GetState(Type type) => Json is null ? null : JsonSerializer.Deserialize(Json, type);

        public override void SetState(object? state) => Json = state is null ? null : JsonSerializer.Serialize(state, state.GetType());
    }

    sealed class Operation(string name, EntityInstanceId id, TaskEntityState state, string? input) : TaskEntityOperation
    {
        public override string Name => name;

        public override TaskEntityContext Context { get; } = new Context(id);

        public override TaskEntityState State => state;

        public override bool HasInput => input is not null;

        public override object? GetInput(Type inputType) => input is null ? null : JsonSerializer.Deserialize(input, inputType);
    }

    sealed class Context(EntityInstanceId id) : TaskEntityContext
    {
        public override EntityInstanceId Id => id;

        public override void SignalEntity(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null) =>
            throw new NotSupportedException();

        public override string ScheduleNewOrchestration(TaskName name, object? input = null, StartOrchestrationOptions? options = null) =>
            throw new NotSupportedException();
    }
}
