using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Positions;

/// <summary><c>/api/households/{householdId}/positions?asOf=</c>: holdings and cash, valued at the last close on or before the date.</summary>
public static class PositionEndpoints
{
    public static IServiceCollection AddHouseholdReports(this IServiceCollection services) => services.AddScoped<HouseholdReports>();

    public static RouteGroupBuilder MapPositionEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/positions", Get).WithTags("Positions").CostsReads();
        return household;
    }

    private static async Task<Results<Ok<PositionsDto>, NotFoundProblem>> Get(
        Guid householdId, DateOnly? asOf, HouseholdReports reports, TimeProvider clock, CancellationToken ct)
    {
        var report = await reports.PositionsAsync(householdId, asOf ?? clock.Today(), ct);
        return report is null ? HouseholdScope.HouseholdNotFound(householdId) : TypedResults.Ok(report.ToDto());
    }

    public static PositionsDto ToDto(this PositionsReport report)
    {
        var positions = report.Positions.Select(p => new PositionDto(
            p.Account.Id, p.Account.Name, p.Instrument.Id, p.Instrument.Symbol, p.Quantity, p.CostBasis, p.Account.BaseCurrency.Code,
            p.Price, p.PriceDate, p.PriceDate is { } d && PriceFreshness.IsStale(d, report.AsOf), p.MarketValue, p.MarketValue - p.CostBasis)).ToList();
        return new PositionsDto(
            report.AsOf,
            positions.Min(p => p.PriceDate),
            positions.Any(p => p.Stale),
            positions,
            [.. report.Cash.Select(c => new CashDto(c.Account.Id, c.Account.Name, c.Account.BaseCurrency.Code, c.Amount))]);
    }
}
