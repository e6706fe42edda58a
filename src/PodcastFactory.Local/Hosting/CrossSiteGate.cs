using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Local.Hosting;

/// <summary>Applies the Core <see cref="CrossSiteGuard"/> (Origin 403, non-JSON body 415) to every request, as the Functions app's middleware does.</summary>
public static class CrossSiteGate
{
    /// <summary>Refuses cross-site and non-JSON state-changing requests before any endpoint runs.</summary>
    public static IApplicationBuilder UseCrossSiteGuard(this IApplicationBuilder app)
    {
        CrossSiteGuard guard = app.ApplicationServices.GetRequiredService<CrossSiteGuard>();
        return app.Use(async (context, next) =>
        {
            if (guard.Refuse(context.Request) is { } refused)
            {
                await refused.ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }
}
