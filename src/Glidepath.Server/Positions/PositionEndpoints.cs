using Glidepath.Application.Portfolio;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Glidepath.Server.Portfolio;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Positions;

/// <summary><c>/api/households/{householdId}/positions?asOf=</c>: holdings and cash, valued at the last close on or before the date.</summary>
public static class PositionEndpoints
{
    public static IServiceCollection AddHouseholdReports(this IServiceCollection services) =>
        services.AddScoped<HouseholdReports>().AddSingleton<PortfolioReadCache>();

    public static RouteGroupBuilder MapPositionEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/positions", Get).WithTags("Positions").Produces<PositionsDto>().CostsReads().TagsItsOwnAnswers();
        return household;
    }

    private static Task<IResult> Get(
        Guid householdId, DateOnly? asOf, PortfolioReads reads, PortfolioReadCache cache, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var day = asOf ?? clock.Today();
        return cache.ServeAsync(http, householdId, $"positions|{day:yyyy-MM-dd}", async _ =>
        {
            var report = await reads.PositionsAsync(householdId, day, ct);
            return report is null ? (null, HouseholdScope.HouseholdNotFound(householdId)) : (report.ToDto(), (IResult?)null);
        });
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
