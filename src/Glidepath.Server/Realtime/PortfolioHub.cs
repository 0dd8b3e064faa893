using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Glidepath.Server.Realtime;

/// <summary>
/// <c>/hubs/portfolio</c>: pushes what changed to the households a signed-in user has open
/// (docs/web.md, "Real time"). Signed-in users only (the same bearer token as /api); a connection
/// hears a household only after <see cref="JoinHousehold"/>, which applies the household rule every
/// /api route applies (<see cref="HouseholdScope.ResolveAsync(System.Security.Claims.ClaimsPrincipal, GlidepathDbContext, Guid, CancellationToken)"/>):
/// the owner, or an advisor with an active grant and a second factor.
/// </summary>
[Authorize]
public sealed class PortfolioHub(GlidepathDbContext db) : Hub
{
    public const string Path = "/hubs/portfolio";

    /// <summary>Starts sending the household's messages to this connection; a household the user may not see is refused as if it did not exist.</summary>
    public async Task JoinHousehold(Guid householdId)
    {
        var access = await HouseholdScope.ResolveAsync(Context.User!, db, householdId, Context.ConnectionAborted);
        switch (access)
        {
            case HouseholdAccess.Owner or HouseholdAccess.Advisor or HouseholdAccess.AdvisorReadOnly:
                await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(householdId), Context.ConnectionAborted);
                break;
            case HouseholdAccess.AdvisorWithoutMfa:
                throw new HubException("Advisors reach client households only after signing in with a second factor.");
            default:
                throw new HubException($"Household {householdId} does not exist.");
        }
    }

    /// <summary>Every connection hears its own user's notifications (<see cref="PortfolioMessages.NotificationCreated"/>), whatever households it joined.</summary>
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroupOf(Context.User!.UserId()), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public Task LeaveHousehold(Guid householdId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(householdId), Context.ConnectionAborted);

    internal static string GroupOf(Guid householdId) => "household:" + householdId.ToString("N");

    internal static string UserGroupOf(Guid userId) => "user:" + userId.ToString("N");
}

/// <summary>The messages the hub sends (the web client's <c>connection.on</c> names).</summary>
public static class PortfolioMessages
{
    public const string PricesUpdated = "pricesUpdated";
    public const string AlertsChanged = "alertsChanged";
    public const string RunProgress = "runProgress";
    public const string NotificationCreated = "notificationCreated";
}

public sealed record PricesUpdatedMessage(Guid HouseholdId, DateOnly AsOf);

public sealed record AlertsChangedMessage(Guid HouseholdId);

/// <param name="Status">As the runs API spells it: <c>Queued</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c>, <c>Cancelled</c>.</param>
public sealed record RunProgressMessage(Guid HouseholdId, Guid RunId, double Progress, string Status);
