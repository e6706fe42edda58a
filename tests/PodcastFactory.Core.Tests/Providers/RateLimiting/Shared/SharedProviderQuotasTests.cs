using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Providers.RateLimiting.Shared;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Providers.RateLimiting.Shared;

/// <summary>
/// Two processes calling one deployment share its limit through its <see cref="ProviderQuotaEntity"/>: counted at a
/// provider that enforces the limit over a sliding window, together they never go over it.
/// </summary>
public sealed class SharedProviderQuotasTests
{
    const string Client = "shared-limit-test";
    static readonly SharedQuotaTiming _fast = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    [Fact]
    public async Task TwoProcesses_OneDeploymentSharedThroughItsEntity_NeverExceedTheLimitTogether()
    {
        // 300 requests/min as the provider counts them: at most 15 in any 3 s.
        await using RateLimitedServer server = await RateLimitedServer.StartAsync(limit: 15, TimeSpan.FromSeconds(3));
        var backend = new InMemoryEntityBackend(_ => new ProviderQuotaEntity());
        await using Process first = new(server, backend);
        await using Process second = new(server, backend);

        // Paced alone, each process would send 4.5 a second: 27 in the first 3 s together, and 429s.
        int[] failures = await Task.WhenAll(first.SendAsync(callers: 4, callsEach: 4), second.SendAsync(callers: 4, callsEach: 4));

        Assert.Equal([0, 0], failures);
        Assert.Equal(32, server.Accepted);
        Assert.Equal(0, server.Throttled);
        // Both were granted shares by the entity (a share may be back to nothing once a process is idle).
        Assert.All([first, second], p => Assert.NotNull(p.Quotas.Leases.Single().Share));
        Assert.True(backend.Operations > 2);
    }

    [Fact]
    public async Task Attach_BackendWithoutEntities_TheProcessPacesAloneAndIsNotHeld()
    {
        await using RateLimitedServer server = await RateLimitedServer.StartAsync(limit: 100, TimeSpan.FromSeconds(1));
        // The local runner's embedded backend: a client whose entity support is off.
        var client = new Mock<DurableTaskClient>(MockBehavior.Loose, "no-entities") { CallBase = true };
        await using Process local = new(server, backend: null, client.Object);

        int failures = await local.SendAsync(callers: 2, callsEach: 2);

        Assert.Equal(0, failures);
        Assert.True(local.Quotas.Unavailable);
        Assert.Equal(4, server.Accepted);
    }

    /// <summary>One process: its own limiters, its limit sharing attached to the task hub's durable client.</summary>
    sealed class Process : IAsyncDisposable
    {
        readonly ServiceProvider _services;
        readonly Uri _url;

        public Process(RateLimitedServer server, InMemoryEntityBackend? backend, DurableTaskClient? client = null)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(sp => new SharedProviderQuotas(
                sp.GetRequiredService<ProviderRateLimiters>(), TimeProvider.System, sp.GetRequiredService<ILogger<SharedProviderQuotas>>(), _fast));
            services.AddLimitedHttpClient(Client, "test-provider", maxRetries: 2, timeoutSeconds: 30,
                ProviderRateLimiters.Key("test-provider", server.BaseUrl, "d"), new RateLimitSettings(300, null, TimeSpan.FromSeconds(10)));
            _services = services.BuildServiceProvider();
            _url = server.BaseUrl;
            Quotas = _services.GetRequiredService<SharedProviderQuotas>();
            Quotas.Attach(client ?? backend!.Client());
        }

        public SharedProviderQuotas Quotas { get; }

        public async Task<int> SendAsync(int callers, int callsEach)
        {
            HttpClient http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(Client);
            int failures = 0;
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                for (int i = 0; i < callsEach; i++)
                {
                    try
                    {
                        using HttpResponseMessage response = await http.PostAsync(_url, new StringContent("""{"input":"x"}"""));
                        response.EnsureSuccessStatusCode();
                    }
                    catch (Exception e) when (e is HttpRequestException or ProviderThrottledException or ProviderTransientException)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }));
            return failures;
        }

        public async ValueTask DisposeAsync() => await _services.DisposeAsync();
    }
}
