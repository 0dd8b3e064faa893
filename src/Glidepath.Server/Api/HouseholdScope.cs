using System.Globalization;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Auth;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Api;

/// <summary>
/// The <c>/api/households/{householdId}</c> group that every household-owned resource hangs off, and
/// the ownership filter that guards every /api route naming a household (a <c>householdId</c> route
/// value or query parameter), inside this group or not. The filter lets through the household's
/// owner and an advisor holding an active grant (signed in with a second factor; reads only unless the
/// grant's scope is <c>write</c>); for anyone else,
/// and for a household that does not exist, it answers 404 so ids cannot be probed. Handlers still
/// filter every query by the household id, so another household's sub-resource ids are 404 too.
/// </summary>
public static class HouseholdScope
{
    public const string Route = "/households/{householdId:guid}";

    private const string AccessKey = "glidepath.household-access";

    public static RouteGroupBuilder MapHouseholdScope(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(Route);
        group.ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static IServiceCollection AddHouseholdScope(this IServiceCollection services) =>
        services.AddSingleton<OwnerAccessCache>();

    /// <summary>Adds the ownership filter to every endpoint of <paramref name="api"/> (call once, on the /api group).</summary>
    public static RouteGroupBuilder RequireHouseholdAccess(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HouseholdIdOf(http) is not { } householdId)
            {
                return await next(context);
            }

            return await DenialAsync(http, householdId, HouseholdNotFound(householdId)) ?? await next(context);
        });
        return api;
    }

    /// <summary>
    /// The answer that stops the signed-in user reaching <paramref name="householdId"/> through this
    /// endpoint, or null when they may: the owner always, a granted advisor with a second factor unless
    /// the route is owner-only. <paramref name="notFound"/> is what strangers get, so ids cannot be probed.
    /// </summary>
    public static async Task<IResult?> DenialAsync(HttpContext http, Guid householdId, IResult notFound)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await ResolveAsync(http, householdId) switch
        {
            HouseholdAccess.Owner => null,
            HouseholdAccess.Advisor or HouseholdAccess.AdvisorReadOnly when http.GetEndpoint()?.Metadata.GetMetadata<HouseholdOwnerOnly>() is not null =>
                new ForbiddenProblem(AuthErrorCodes.OwnerOnly, "Only the household's owner may do this."),
            HouseholdAccess.Advisor => null,
            HouseholdAccess.AdvisorReadOnly when !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || http.GetEndpoint()?.Metadata.GetMetadata<ComputeOnly>() is not null) =>
                new ForbiddenProblem(AuthErrorCodes.GrantReadOnly, "The household's owner granted read access only; ask them for write access to change anything."),
            HouseholdAccess.AdvisorReadOnly => null,
            HouseholdAccess.AdvisorWithoutMfa =>
                new ForbiddenProblem(AuthErrorCodes.MfaRequired, "Advisors reach client households only after signing in with a second factor."),
            _ => notFound,
        };
    }

    /// <summary>Marks a household route that a granted advisor may not use (e.g. managing the grants themselves).</summary>
    public static TBuilder RequireHouseholdOwner<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Add(b => b.Metadata.Add(new HouseholdOwnerOnly()));
        return endpoint;
    }

    /// <summary>
    /// Marks a POST that only computes for the household (a preview, a proposal or a simulation run): it changes
    /// none of the household's data (ledger, settings, plans), so an advisor with a read grant may call it.
    /// </summary>
    public static TBuilder ComputesOnly<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.Add(b => b.Metadata.Add(new ComputeOnly()));
        return endpoint;
    }

    /// <summary>How the signed-in user reaches <paramref name="householdId"/>; cached for the request.</summary>
    public static async Task<HouseholdAccess> ResolveAsync(HttpContext http, Guid householdId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(AccessKey, out var cached) && cached is (Guid id, HouseholdAccess known) && id == householdId)
        {
            return known;
        }

        var owners = http.RequestServices.GetRequiredService<OwnerAccessCache>();
        var userId = http.User.UserId();
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        HouseholdAccess access;
        if (read && owners.IsKnownOwner(userId, householdId))
        {
            access = HouseholdAccess.Owner;
        }
        else
        {
            access = await ResolveAsync(http.User, http.RequestServices.GetRequiredService<GlidepathDbContext>(), householdId, http.RequestAborted);
            if (access == HouseholdAccess.Owner)
            {
                owners.RememberOwner(userId, householdId);
            }
        }

        http.Items[AccessKey] = (householdId, access);
        return access;
    }

    /// <summary>How <paramref name="user"/> reaches <paramref name="householdId"/>: the rule behind every household route and the real-time hub's groups.</summary>
    public static async Task<HouseholdAccess> ResolveAsync(System.Security.Claims.ClaimsPrincipal user, GlidepathDbContext db, Guid householdId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var userId = user.UserId();
        if (userId == Guid.Empty)
        {
            return HouseholdAccess.None;
        }

        if (await db.HouseholdOwners.AnyAsync(o => o.HouseholdId == householdId && o.UserId == userId, ct))
        {
            return HouseholdAccess.Owner;
        }

        if (user.IsInRole(Roles.Advisor)
            && await db.AdvisorGrants.Where(g => g.HouseholdId == householdId && g.AdvisorId == userId && g.RevokedUtc == null)
                .Select(g => g.Scope).FirstOrDefaultAsync(ct) is { } scope)
        {
            return !user.HasMfa() ? HouseholdAccess.AdvisorWithoutMfa
                : scope == GrantScopes.Write ? HouseholdAccess.Advisor
                : HouseholdAccess.AdvisorReadOnly;
        }

        return HouseholdAccess.None;
    }

    /// <summary>The households the user may list: owned ones, and for an advisor those with an active grant.</summary>
    public static IQueryable<Guid> VisibleHouseholdIds(GlidepathDbContext db, System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return CallerOf(user).VisibleHouseholdIds(db);
    }

    /// <summary>The signed-in user as the use cases see them.</summary>
    public static Application.Households.Caller CallerOf(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.UserId(), user.IsInRole(Roles.Advisor) && user.HasMfa());
    }

    public static NotFoundProblem HouseholdNotFound(Guid householdId) =>
        new(ErrorCodes.HouseholdNotFound, $"Household {householdId} does not exist.");

    private static Guid? HouseholdIdOf(HttpContext http)
    {
        var raw = http.GetRouteValue("householdId") as string ?? (string?)http.Request.Query["householdId"];
        if (raw is null)
        {
            return null;
        }

        // An id that is not a GUID names no household; 404 like any other stranger's id.
        return Guid.TryParse(raw, CultureInfo.InvariantCulture, out var id) ? id : Guid.Empty;
    }
}

public enum HouseholdAccess
{
    None,
    Owner,
    /// <summary>A granted advisor whose grant allows writing.</summary>
    Advisor,
    /// <summary>A granted advisor with a read grant: GET, HEAD and compute-only POSTs (403 <c>grant-read-only</c> otherwise).</summary>
    AdvisorReadOnly,
    AdvisorWithoutMfa,
}

/// <summary>Endpoint metadata: only the owner, not a granted advisor, may call this household route.</summary>
public sealed class HouseholdOwnerOnly;

/// <summary>Endpoint metadata: a POST that computes without changing the household's data (see <see cref="HouseholdScope.ComputesOnly"/>).</summary>
public sealed class ComputeOnly;
