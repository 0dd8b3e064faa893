using Glidepath.Application.Errors;
using Glidepath.Application.Households;
using Glidepath.Application.Validation;
using Glidepath.Domain.Calendar;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Domain.Performance;
using Glidepath.Domain.Results;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Performance;

/// <summary>What a performance report covers; every field may be left out (see <see cref="PerformanceReports.ReportAsync"/>).</summary>
public sealed record PerformanceQuery(DateOnly? From, DateOnly? To, Guid? AccountId, Guid? InstrumentId, string? Benchmark, string? Currency, double? RiskFree);

/// <summary>TWR, MWR, risk statistics, contributions and the daily series of a household, an account or a position (docs/analytics.md).</summary>
public sealed class PerformanceReports(HouseholdReports reports, MacroAssumptions macro, GlidepathDbContext db, TimeProvider clock)
{
    private const int MaxDays = 366 * 50;

    /// <summary>
    /// <c>To</c> defaults to today, <c>From</c> to a year before it; <c>Benchmark</c> is an instrument
    /// symbol; <c>RiskFree</c> an annual rate (default: the stored DGS3MO series' mean over the range, else 0).
    /// A missing price, FX rate or benchmark close is refused: the request is fine, the data cannot answer it.
    /// </summary>
    public async Task<Result<PerformanceDto>> ReportAsync(Guid householdId, PerformanceQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var end = query.To ?? clock.Today();
        var start = query.From ?? end.AddYears(-1);
        var riskFree = query.RiskFree;
        var checks = new InputChecks()
            .Check(start <= end, "to", "The range ends before it starts.")
            .Check(ValidDates.Contains(start) && start > ValidDates.Min, "from", $"The range must start {ValidDates.Description} (after its first day, the day before being its start value).")
            .Check(ValidDates.Contains(end), "to", $"The range must end {ValidDates.Description}.")
            .Check(end.DayNumber - start.DayNumber < MaxDays, "from", "The range is longer than 50 years.")
            .Check(riskFree is null || (double.IsFinite(riskFree.Value) && Math.Abs(riskFree.Value) < 1.0), "riskFree", "The risk-free rate is an annual fraction between -1 and 1.");
        Currency reporting = default;
        if (query.Currency is not null && !Currency.TryParse(query.Currency, out reporting))
        {
            checks.Add("currency", $"'{query.Currency}' is not a supported ISO-4217 currency code.");
        }

        Guid? benchmarkId = null;
        if (!string.IsNullOrWhiteSpace(query.Benchmark))
        {
            var wanted = query.Benchmark.Trim().ToUpperInvariant();
            var matches = await db.Instruments.AsNoTracking().UsableBy(householdId).Where(i => i.Symbol == wanted).Select(i => i.Id).Take(2).ToListAsync(ct);
            checks.Check(matches.Count > 0, "benchmark", $"No instrument has the symbol '{query.Benchmark}'.")
                .Check(matches.Count < 2, "benchmark", $"Several instruments have the symbol '{query.Benchmark}'.");
            benchmarkId = matches.Count == 1 ? matches[0] : null;
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (query.AccountId is { } account && !await db.Accounts.AnyAsync(a => a.Id == account && a.HouseholdId == householdId, ct))
        {
            return Problem.NotFound(ErrorCodes.AccountNotFound, $"Account {account} is not in this household.");
        }

        if (query.InstrumentId is { } instrument && !await db.Instruments.UsableBy(householdId).AnyAsync(i => i.Id == instrument, ct))
        {
            return Problem.NotFound(ErrorCodes.InstrumentNotFound, $"Instrument {instrument} does not exist.");
        }

        if (query.Currency is null)
        {
            reporting = await db.Households.Where(h => h.Id == householdId).Select(h => (Currency?)h.ReportingCurrency).FirstOrDefaultAsync(ct) ?? Currency.Usd;
        }

        var scope = new PerformanceScope(query.AccountId, query.InstrumentId);
        // Without riskFree, the mean stored 3-month Treasury yield over the range (docs/analytics.md, "Risk-free rate").
        var stored = riskFree is null ? await macro.RiskFreeAsync(start, end, ct) : null;
        var (rate, source) = riskFree is { } given ? (given, "query") : stored is { } s ? (s, MacroSeries.RiskFree) : (0.0, "none");
        var report = await reports.PerformanceAsync(householdId, new PerformanceRequest(start, end, reporting, scope, benchmarkId, rate), ct);
        if (report is null)
        {
            return HouseholdDirectory.NotFound(householdId);
        }

        if (!report.TryGet(out var value, out var problem))
        {
            return problem.Code == ValuationProblems.Failed ? problem with { Code = "performance-failed" } : problem;
        }

        return value.ToDto(scope, rate, source);
    }
}
