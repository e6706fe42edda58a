using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>
/// Applies the Core <see cref="CrossSiteGuard"/> (foreign Origin 403, non-JSON body 415) to every HTTP function before
/// it runs, the same rules <c>podcast serve</c> applies; the Functions platform answers only for its own host names,
/// so the Host check is the platform's.
/// </summary>
public sealed class CrossSiteMiddleware : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http && context.InstanceServices.GetRequiredService<CrossSiteGuard>().Refuse(http.Request) is { } refused)
        {
            // The ASP.NET Core integration writes the invocation result (an IResult) to the response.
            context.GetInvocationResult().Value = refused;
            return;
        }

        await next(context);
    }
}
