using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Lots;

/// <summary><c>/api/households/{householdId}/lots?asOf=&amp;accountId=</c>: open tax lots, oldest first.</summary>
public static class LotEndpoints
{
    public static RouteGroupBuilder MapLotEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/lots", Get).WithTags("Lots");
        return household;
    }

    private static async Task<Results<Ok<List<LotDto>>, NotFoundProblem>> Get(
        Guid householdId, DateOnly? asOf, Guid? accountId, HouseholdReports reports, TimeProvider clock, CancellationToken ct)
    {
        var report = await reports.PositionsAsync(householdId, asOf ?? clock.Today(), withLots: true, ct);
        if (report is null)
        {
            return HouseholdScope.HouseholdNotFound(householdId);
        }

        var symbols = report.Positions.ToDictionary(p => (p.Account.Id, p.Instrument.Id), p => p.Instrument.Symbol);
        return TypedResults.Ok(report.State.Lots
            .Where(l => accountId is null || l.AccountId == accountId)
            .OrderBy(l => l.AcquiredDate).ThenBy(l => l.LotId)
            .Select(l => new LotDto(l.LotId, l.AccountId, l.InstrumentId, symbols[(l.AccountId, l.InstrumentId)], l.AcquiredDate,
                l.Quantity, l.CostBasis, l.Quantity == 0m ? 0m : l.CostBasis / l.Quantity))
            .ToList());
    }
}
