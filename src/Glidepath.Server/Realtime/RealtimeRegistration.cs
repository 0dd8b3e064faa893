using Glidepath.Application.Notifications;
using Glidepath.Application.Planning.Runs;
using Glidepath.Domain.Households;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Glidepath.Server.Realtime;

/// <summary>SignalR, the hub's notifier in place of the silent one, and the access token a browser's WebSocket carries in the query string.</summary>
public static class RealtimeRegistration
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<PortfolioNotifier>();
        services.RemoveAll<IHouseholdNotifier>();
        services.AddSingleton<IHouseholdNotifier>(sp => sp.GetRequiredService<PortfolioNotifier>());
        services.AddSingleton<ISimulationProgressSink>(sp => sp.GetRequiredService<PortfolioNotifier>());
        services.RemoveAll<IUserNotifier>();
        services.AddSingleton<IUserNotifier>(sp => sp.GetRequiredService<PortfolioNotifier>());

        // Browsers cannot set headers on a WebSocket or an EventSource, so the SignalR client sends the
        // access token as ?access_token=; it is read there for the hub's path only, never for /api.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Events ??= new JwtBearerEvents();
            var inner = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = async context =>
            {
                await inner(context);
                if (context.Token is null && context.HttpContext.Request.Path.StartsWithSegments(PortfolioHub.Path)
                    && context.Request.Query["access_token"] is { Count: 1 } token && token[0] is { Length: > 0 } value)
                {
                    context.Token = value;
                }
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<PortfolioHub>(PortfolioHub.Path).RequireAuthorization();
        return app;
    }
}
