using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Functions.Functions;

/// <summary>
/// The API's catch-all in the Functions app, the same mapping <c>podcast serve</c> uses: a rejected request keeps its
/// 4xx (413 for a body over the cap), anything unexpected becomes a 500 problem without internals. Non-HTTP
/// functions (orchestrations, activities, the timer) are left to the Durable runtime.
/// </summary>
public sealed class ApiExceptionMiddleware : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            // The ASP.NET Core integration writes the invocation result (an IResult) to the response after this returns.
            context.GetInvocationResult().Value = ApiExceptions.ToResult(ex, http, context.GetLogger<ApiExceptionMiddleware>());
        }
    }
}
