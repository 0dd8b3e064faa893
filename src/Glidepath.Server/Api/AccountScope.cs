using System.Globalization;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Api;

/// <summary>
/// The <c>/api/accounts/{accountId}</c> group for routes addressed by account alone. Its filter resolves
/// the account's household and applies the same ownership check as
/// <see cref="HouseholdScope"/> (<see cref="HouseholdScope.DenialAsync"/>); an unknown account, or one the caller may not reach, is 404
/// account-not-found. Handlers read the resolved household with <see cref="HouseholdOf"/>.
/// </summary>
public static class AccountScope
{
    public const string Route = "/accounts/{accountId:guid}";

    private const string HouseholdKey = "glidepath.account-household";

    public static RouteGroupBuilder MapAccountScope(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(Route);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var accountId = Guid.Parse((string)http.GetRouteValue("accountId")!, CultureInfo.InvariantCulture);
            var db = http.RequestServices.GetRequiredService<GlidepathDbContext>();
            var householdId = await db.Accounts.Where(a => a.Id == accountId).Select(a => (Guid?)a.HouseholdId).FirstOrDefaultAsync(http.RequestAborted);
            var notFound = new NotFoundProblem(ErrorCodes.AccountNotFound, $"Account {accountId} does not exist.");
            if (householdId is not { } id)
            {
                return notFound;
            }

            if (await HouseholdScope.DenialAsync(http, id, notFound) is { } denial)
            {
                return denial;
            }

            http.Items[HouseholdKey] = id;
            return await next(context);
        });
        group.ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <summary>The household the filter resolved for this request's account.</summary>
    public static Guid HouseholdOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (Guid)context.Items[HouseholdKey]!;
    }
}
