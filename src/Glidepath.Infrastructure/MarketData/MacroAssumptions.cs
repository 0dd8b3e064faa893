using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.MarketData;

/// <summary>The stored series as the product's rates (<see cref="MacroRates"/>); null where no series is stored.</summary>
public sealed class MacroAssumptions(GlidepathDbContext db)
{
    /// <summary>CPI's trailing 10-year CAGR up to <paramref name="asOf"/>: the planner's default inflation.</summary>
    public async Task<double?> InflationAsync(DateOnly asOf, CancellationToken ct) =>
        MacroRates.TrailingCagr(await SeriesAsync(MacroSeries.Inflation, asOf.AddYears(-11), asOf, ct), asOf);

    /// <summary>The mean 3-month Treasury yield over the window: the Sharpe ratio's default risk-free rate.</summary>
    public async Task<double?> RiskFreeAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var inside = await SeriesAsync(MacroSeries.RiskFree, from, to, ct);
        if (inside.Count > 0)
        {
            return MacroRates.AnnualRiskFree(inside, from, to);
        }

        // None inside (a window of days FRED has not published yet): the latest before it.
        var before = await db.MacroObservations.AsNoTracking().Where(o => o.SeriesId == MacroSeries.RiskFree && o.Date < from)
            .OrderByDescending(o => o.Date).FirstOrDefaultAsync(ct);
        return before is null ? null : MacroRates.AnnualRiskFree([before], from, to);
    }

    private async Task<List<MacroObservation>> SeriesAsync(string id, DateOnly from, DateOnly to, CancellationToken ct) =>
        await db.MacroObservations.AsNoTracking().Where(o => o.SeriesId == id && o.Date >= from && o.Date <= to).ToListAsync(ct);
}
