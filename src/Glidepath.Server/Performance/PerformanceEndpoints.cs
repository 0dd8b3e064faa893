using Glidepath.Domain.Calendar;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Performance;
using Glidepath.Domain.Valuation;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Performance;

/// <summary><c>/performance?from=&amp;to=&amp;accountId=&amp;instrumentId=&amp;benchmark=&amp;currency=&amp;riskFree=</c> of a household.</summary>
public static class PerformanceEndpoints
{
    private const int MaxDays = 366 * 50;

    public static RouteGroupBuilder MapPerformanceEndpoints(this RouteGroupBuilder household)
    {
        household.MapGet("/performance", Performance).WithTags("Performance").ProducesProblem(StatusCodes.Status422UnprocessableEntity).CostsReads();
        return household;
    }

    /// <summary>
    /// TWR, MWR, risk statistics, contributions and the daily value and return series of the
    /// household (no accountId), an account, or a position (instrumentId, with or without
    /// accountId). <c>to</c> defaults to today, <c>from</c> to a year before it; <c>benchmark</c>
    /// is an instrument symbol; <c>riskFree</c> an annual rate (default: the stored DGS3MO series' mean over the range, else 0).
    /// </summary>
    private static async Task<Results<Ok<PerformanceDto>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> Performance(
        Guid householdId,
        DateOnly? from,
        DateOnly? to,
        Guid? accountId,
        Guid? instrumentId,
        string? benchmark,
        string? currency,
        double? riskFree,
        HouseholdReports reports,
        MacroAssumptions macro,
        GlidepathDbContext db,
        TimeProvider clock,
        CancellationToken ct)
    {
        var end = to ?? clock.Today();
        var start = from ?? end.AddYears(-1);
        var errors = new ValidationErrors()
            .Check(start <= end, "to", "The range ends before it starts.")
            .Check(ValidDates.Contains(start) && start > ValidDates.Min, "from", $"The range must start {ValidDates.Description} (after its first day, the day before being its start value).")
            .Check(ValidDates.Contains(end), "to", $"The range must end {ValidDates.Description}.")
            .Check(end.DayNumber - start.DayNumber < MaxDays, "from", "The range is longer than 50 years.")
            .Check(riskFree is null || (double.IsFinite(riskFree.Value) && Math.Abs(riskFree.Value) < 1.0), "riskFree", "The risk-free rate is an annual fraction between -1 and 1.");
        Currency reporting = default;
        if (currency is not null && !Currency.TryParse(currency, out reporting))
        {
            errors.Add("currency", $"'{currency}' is not a supported ISO-4217 currency code.");
        }

        Guid? benchmarkId = null;
        if (!string.IsNullOrWhiteSpace(benchmark))
        {
            var wanted = benchmark.Trim().ToUpperInvariant();
            var matches = await db.Instruments.AsNoTracking().UsableBy(householdId).Where(i => i.Symbol == wanted).Select(i => i.Id).Take(2).ToListAsync(ct);
            errors.Check(matches.Count > 0, "benchmark", $"No instrument has the symbol '{benchmark}'.")
                .Check(matches.Count < 2, "benchmark", $"Several instruments have the symbol '{benchmark}'.");
            benchmarkId = matches.Count == 1 ? matches[0] : null;
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        if (accountId is { } account && !await db.Accounts.AnyAsync(a => a.Id == account && a.HouseholdId == householdId, ct))
        {
            return new NotFoundProblem(ErrorCodes.AccountNotFound, $"Account {account} is not in this household.");
        }

        if (instrumentId is { } instrument && !await db.Instruments.UsableBy(householdId).AnyAsync(i => i.Id == instrument, ct))
        {
            return new NotFoundProblem(ErrorCodes.InstrumentNotFound, $"Instrument {instrument} does not exist.");
        }

        if (currency is null)
        {
            reporting = await db.Households.Where(h => h.Id == householdId).Select(h => (Currency?)h.ReportingCurrency).FirstOrDefaultAsync(ct) ?? Currency.Usd;
        }

        var scope = new PerformanceScope(accountId, instrumentId);
        // Without riskFree=, the mean stored 3-month Treasury yield over the range (docs/analytics.md, "Risk-free rate").
        var stored = riskFree is null ? await macro.RiskFreeAsync(start, end, ct) : null;
        var (rate, source) = riskFree is { } given ? (given, "query") : stored is { } s ? (s, MacroSeries.RiskFree) : (0.0, "none");
        var request = new PerformanceRequest(start, end, reporting, scope, benchmarkId, rate);
        var report = await reports.PerformanceAsync(householdId, request, ct);
        if (report is null)
        {
            return HouseholdScope.HouseholdNotFound(householdId);
        }

        return report.Succeeded ? TypedResults.Ok(report.Value!.ToDto(scope, rate, source)) : Refused(report.Errors);
    }

    /// <summary>A missing price, FX rate or benchmark close: the request is fine, the data cannot answer it.</summary>
    private static UnprocessableProblem Refused(IReadOnlyList<ValuationError> errors) =>
        new(errors.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count() == 1 ? errors[0].Code : "performance-failed",
            errors[0].Message,
            [.. errors.Select(e => new ProblemItem(e.Code, e.Message))]);
}
