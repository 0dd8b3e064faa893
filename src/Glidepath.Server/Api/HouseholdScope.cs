using Glidepath.Server.Errors;

namespace Glidepath.Server.Api;

/// <summary>
/// The <c>/api/households/{householdId}</c> group that every household-owned resource hangs off.
/// Its filter answers 404 for a household that does not exist before any handler runs; handlers
/// still filter every query by the household id, so another household's ids are 404 too. The
/// auth issue's ownership check belongs in <see cref="HouseholdAccess"/>, which this filter and
/// <see cref="AccountScope"/> both call.
/// </summary>
public static class HouseholdScope
{
    public const string Route = "/households/{householdId:guid}";

    public static RouteGroupBuilder MapHouseholdScope(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(Route);
        group.AddEndpointFilter(async (context, next) =>
        {
            var householdId = Guid.Parse((string)context.HttpContext.GetRouteValue("householdId")!, System.Globalization.CultureInfo.InvariantCulture);
            return await HouseholdAccess.AllowsAsync(context.HttpContext, householdId)
                ? await next(context)
                : HouseholdNotFound(householdId);
        });
        group.ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static NotFoundProblem HouseholdNotFound(Guid householdId) =>
        new(ErrorCodes.HouseholdNotFound, $"Household {householdId} does not exist.");
}
