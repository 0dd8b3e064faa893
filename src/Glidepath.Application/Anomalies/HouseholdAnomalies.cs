using System.Globalization;
using Glidepath.Application.Budgets;
using Glidepath.Application.Events;
using Glidepath.Application.Households;
using Glidepath.Application.Validation;
using Glidepath.Domain.Anomalies;
using Glidepath.Domain.Calendar;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Reporting;
using Glidepath.Infrastructure.Valuation;
using Glidepath.Quant.Anomalies;
using Glidepath.Quant.Performance;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Anomalies;

/// <summary>A recorded anomaly as the API shows it (docs/anomalies.md, "Household scans").</summary>
public sealed record AnomalyDto(
    Guid Id, string SeriesKind, string SeriesKey, string Series, DateOnly Date, double Value, double Typical, double Score, double Threshold,
    string Method, string Currency, DateTimeOffset DetectedUtc, DateTimeOffset? DismissedUtc)
{
    public static AnomalyDto From(HouseholdAnomaly a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.SeriesKind, a.SeriesKey, a.SeriesLabel, a.Date, a.Value, a.Typical, a.Score, a.Threshold, a.Method, a.Currency, a.DetectedUtc, a.DismissedUtc);
    }
}

/// <summary>The household's recorded anomalies, newest day first; <paramref name="Open"/> counts those not dismissed.</summary>
public sealed record AnomaliesDto(IReadOnlyList<AnomalyDto> Items, int Open);

/// <summary>A scan's outcome: the days it judged (<paramref name="From"/>–<paramref name="AsOf"/>), the series it scored and the anomalies it newly recorded.</summary>
/// <param name="ReturnsUnavailable">Why the returns could not be scored (a holding without a close, a missing FX rate); null when they were.</param>
public sealed record AnomalyScanDto(DateOnly AsOf, DateOnly From, int Series, IReadOnlyList<AnomalyDto> Detected, string? ReturnsUnavailable);

/// <summary><c>asOf</c> defaults to today.</summary>
public sealed record AnomalyScanRequest(DateOnly? AsOf = null);

/// <summary>
/// The anomaly scan of one household (docs/anomalies.md, "Household scans"): its daily portfolio returns net of external flows
/// (from the read model's daily valuation) and its daily spending per expense category (reporting currency, as the budgets
/// count it), each scored by the rolling median/MAD detector (<see cref="RollingMad"/>, the settings of its kind: <see cref="OptionsFor"/>); every flagged day
/// of the last <see cref="RecordDays"/> days that is not recorded yet, and every charge booked twice on one of those days
/// (<see cref="DuplicateCharges"/>), becomes a <see cref="HouseholdAnomaly"/> and an
/// <c>anomaly.detected</c> event, in one transaction. The unique key (household, series, date) keeps a re-scan, or two at
/// once, from recording or alerting a day twice.
/// </summary>
public sealed partial class HouseholdAnomalies(GlidepathDbContext db, HouseholdReports reports, IEventOutbox outbox, TimeProvider clock)
{
    /// <summary>How far back a scan records: the last 31 days up to its as-of day (older flags were a past scan's to raise).</summary>
    public const int RecordDays = 31;

    /// <summary>How much history a scan reads before the recorded days: a year, so a window of 60 points exists for sparse categories.</summary>
    public const int HistoryDays = 400;

    public const int MaxListed = 500;

    /// <summary>
    /// The materiality floor of a return: a flagged day is recorded only when its return differs from the typical one by at least
    /// one percentage point (a cash-only household's monthly interest day is unusual among days of 0, but not worth an alert).
    /// </summary>
    public const double MinReturnDeviation = 0.01;

    /// <summary>
    /// The materiality floor of a spending day: at least half the typical day's spending in the category and at least 1 unit of
    /// the reporting currency away from it (a rent that rose by a cent is unusual among equal rents, but not worth an alert).
    /// </summary>
    public const double MinSpendingDeviationShare = 0.5;

    public const double MinSpendingDeviation = 1.0;

    /// <summary>Whether a flagged day's distance from what was typical is large enough to record (the floors above).</summary>
    public static bool IsMaterial(string seriesKind, double value, double typical) =>
        seriesKind == AnomalySeriesKinds.Returns
            ? Math.Abs(value - typical) >= MinReturnDeviation
            : Math.Abs(value - typical) >= Math.Max(MinSpendingDeviation, MinSpendingDeviationShare * Math.Abs(typical));

    /// <summary>
    /// The detector's settings for a series kind: <see cref="RollingMadOptions.ForReturns"/> for the portfolio's returns,
    /// <see cref="RollingMadOptions.ForSpending"/> for a category's spending (docs/anomalies.md, "Defaults by kind").
    /// </summary>
    public static RollingMadOptions OptionsFor(string seriesKind) =>
        seriesKind == AnomalySeriesKinds.Returns ? RollingMadOptions.ForReturns : RollingMadOptions.ForSpending;

    public const string AnomalyNotFoundCode = "anomaly-not-found";

    public async Task<Result<AnomaliesDto>> ListAsync(Guid householdId, CancellationToken ct)
    {
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return HouseholdDirectory.NotFound(householdId);
        }

        var rows = await db.HouseholdAnomalies.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct);
        var items = rows.OrderByDescending(a => a.Date).ThenByDescending(a => a.Score).Take(MaxListed).Select(AnomalyDto.From).ToList();
        return new AnomaliesDto(items, rows.Count(a => a.DismissedUtc is null));
    }

    /// <summary>The anomalies not dismissed, newest first: what the household's alerts show.</summary>
    public async Task<List<AnomalyDto>> OpenAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.HouseholdAnomalies.AsNoTracking().Where(a => a.HouseholdId == householdId && a.DismissedUtc == null).ToListAsync(ct))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Score).Take(MaxListed).Select(AnomalyDto.From)];

    /// <summary>Dismisses the anomaly's alert (idempotent: a second dismissal keeps the first time).</summary>
    public async Task<Result<AnomalyDto>> DismissAsync(Guid householdId, Guid anomalyId, CancellationToken ct)
    {
        var anomaly = await db.HouseholdAnomalies.FirstOrDefaultAsync(a => a.Id == anomalyId && a.HouseholdId == householdId, ct);
        if (anomaly is null)
        {
            return Problem.NotFound(AnomalyNotFoundCode, $"Anomaly {anomalyId} is not in this household.");
        }

        anomaly.DismissedUtc ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return AnomalyDto.From(anomaly);
    }

    /// <summary>Scans the household as of <paramref name="request"/>'s day (default today) and records what is new.</summary>
    public async Task<Result<AnomalyScanDto>> ScanAsync(Guid householdId, AnomalyScanRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOf ?? clock.Today();
        var checks = new InputChecks()
            .Check(ValidDates.Contains(asOf) && asOf.DayNumber - HistoryDays - 1 > ValidDates.Min.DayNumber, "asOf", $"The day must be {ValidDates.Description}.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => new { h.ReportingCurrency }).FirstOrDefaultAsync(ct);
        if (household is null)
        {
            return HouseholdDirectory.NotFound(householdId);
        }

        var reporting = household.ReportingCurrency;
        var from = asOf.AddDays(-HistoryDays);
        var recordFrom = asOf.AddDays(-(RecordDays - 1));
        var series = new List<ScoredSeries>();
        var (returns, unavailable) = await ReturnsAsync(householdId, from, asOf, reporting, ct);
        if (returns is not null)
        {
            series.Add(returns);
        }

        var spending = await SpendingData.LoadAsync(db, householdId, from, asOf, ct);
        series.AddRange(Spending(spending));

        var found = new List<HouseholdAnomaly>();
        var now = clock.GetUtcNow();
        foreach (var s in series)
        {
            var options = OptionsFor(s.Kind);
            var scores = RollingMad.Score(s.Values, options);
            foreach (var t in scores.FlaggedIndices())
            {
                if (s.Dates[t] < recordFrom)
                {
                    continue;
                }

                var typical = RobustStatistics.Median(s.Values.AsSpan()[Math.Max(0, t - options.Window)..t]);
                if (!IsMaterial(s.Kind, s.Values[t], typical))
                {
                    continue;
                }

                found.Add(new HouseholdAnomaly
                {
                    HouseholdId = householdId,
                    SeriesKind = s.Kind,
                    SeriesKey = s.Key,
                    SeriesLabel = s.Label,
                    Date = s.Dates[t],
                    Value = s.Values[t],
                    Typical = typical,
                    Score = Math.Min(scores.Scores[t], HouseholdAnomaly.MaxScore),
                    Threshold = scores.Threshold,
                    Method = AnomalyMethods.RollingMad,
                    Currency = reporting.Code,
                    DetectedUtc = now,
                });
            }
        }

        if (spending is not null)
        {
            found.AddRange(await DuplicatesAsync(householdId, recordFrom, asOf, spending.Tree, now, ct));
        }

        var recorded = await RecordAsync(householdId, recordFrom, asOf, found, ct);
        return new AnomalyScanDto(asOf, recordFrom, series.Count, [.. recorded.Select(AnomalyDto.From)], unavailable);
    }

    /// <summary>
    /// Writes the flagged days not recorded yet and their events in one transaction. A concurrent scan that recorded one of
    /// them first makes the unique index refuse this write: it rolls back and records nothing (that scan alerted them).
    /// </summary>
    private async Task<List<HouseholdAnomaly>> RecordAsync(Guid householdId, DateOnly from, DateOnly to, List<HouseholdAnomaly> found, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return [];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var known = (await db.HouseholdAnomalies.AsNoTracking()
                .Where(a => a.HouseholdId == householdId && a.Date >= from && a.Date <= to)
                .Select(a => new { a.SeriesKind, a.SeriesKey, a.Date }).ToListAsync(ct))
            .Select(a => (a.SeriesKind, a.SeriesKey, a.Date)).ToHashSet();
        var fresh = found.Where(a => !known.Contains((a.SeriesKind, a.SeriesKey, a.Date))).OrderBy(a => a.Date).ThenBy(a => a.SeriesKind, StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
        {
            return [];
        }

        foreach (var anomaly in fresh)
        {
            db.HouseholdAnomalies.Add(anomaly);
            outbox.Enqueue(householdId, EventTypes.AnomalyDetected, new AnomalyDetected(
                anomaly.Id, anomaly.SeriesKind, anomaly.SeriesKey, anomaly.SeriesLabel, anomaly.Date, anomaly.Value, anomaly.Typical,
                Math.Round(anomaly.Score, 2), anomaly.Threshold, anomaly.Method, anomaly.Currency, Title(anomaly), Message(anomaly)));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return fresh;
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return [];
        }
    }

    /// <summary>The notification's subject: a repeated charge is named as one, not as an unusual day.</summary>
    public static string Title(HouseholdAnomaly a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var what = a.SeriesKind == AnomalySeriesKinds.DuplicateCharge ? "Possible duplicate charge" : "Unusual day";
        return $"{what}: {a.SeriesLabel} on {a.Date:yyyy-MM-dd}";
    }

    /// <summary>The one-line text of the alert and its notification.</summary>
    public static string Message(HouseholdAnomaly a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var inv = CultureInfo.InvariantCulture;
        var score = a.Score >= HouseholdAnomaly.MaxScore ? "no spread in its history" : $"score {a.Score.ToString("0.0", inv)} above {a.Threshold.ToString("0.0", inv)}";
        return a.SeriesKind == AnomalySeriesKinds.DuplicateCharge
            ? $"Possible duplicate charge on {a.Date:yyyy-MM-dd}: {a.SeriesLabel}, {a.Value.ToString("0.00", inv)} {a.Currency}, charged twice from one account that day."
            : a.SeriesKind == AnomalySeriesKinds.Returns
            ? $"Portfolio return on {a.Date:yyyy-MM-dd}: {(a.Value * 100).ToString("0.00", inv)} %, typically {(a.Typical * 100).ToString("0.00", inv)} % ({score})."
            : $"Spending in {a.SeriesLabel} on {a.Date:yyyy-MM-dd}: {a.Value.ToString("0.00", inv)} {a.Currency}, typically {a.Typical.ToString("0.00", inv)} ({score}).";
    }

    private sealed record ScoredSeries(string Kind, string Key, string Label, DateOnly[] Dates, double[] Values);

    /// <summary>
    /// The daily return net of external flows (docs/anomalies.md, "Household scans"): the accounts' value V from the read model,
    /// deposits D at the start of the day and withdrawals W (positive) at its end, r = (V_t + W_t) / (V_{t−1} + D_t) − 1
    /// (<see cref="TimeWeightedReturn.HoldingPeriodReturn"/>'s convention, computed in decimal so that a day whose only change is
    /// a flow returns exactly 0). Days with nothing invested, and days without a change and without a flow (weekends, holidays:
    /// no new close), are left out.
    /// </summary>
    private async Task<(ScoredSeries? Series, string? Unavailable)> ReturnsAsync(Guid householdId, DateOnly from, DateOnly to, Currency reporting, CancellationToken ct)
    {
        var values = await reports.AccountsValueAsync(householdId, from.AddDays(-1), to, reporting, ct);
        if (values is null)
        {
            return (null, null);
        }

        if (!values.TryGet(out var series, out var problem))
        {
            return (null, problem.Message);
        }

        var flows = await db.Transactions.AsNoTracking()
            .Where(t => (t.Type == TransactionType.Deposit || t.Type == TransactionType.Withdrawal) && t.TradeDate >= from && t.TradeDate <= to
                && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(ct);
        var currencies = flows.Select(f => f.Currency).Where(c => c != reporting).Distinct().ToList();
        var book = new PriceBook([], currencies.Count == 0 ? [] : await HouseholdFxRateQuery.RatesAsync(db, householdId, [.. currencies, reporting], to, history: true, ct));
        var deposits = new Dictionary<DateOnly, decimal>();
        var withdrawals = new Dictionary<DateOnly, decimal>();
        foreach (var f in flows)
        {
            var rate = f.Currency == reporting ? 1m : book.Rate(f.Currency, reporting, f.TradeDate) is { Found: true } r ? r.Value : (decimal?)null;
            if (rate is null)
            {
                return (null, $"No {f.Currency.Code}/{reporting.Code} rate on or before {f.TradeDate:yyyy-MM-dd} for a deposit or withdrawal.");
            }

            var target = f.Type == TransactionType.Deposit ? deposits : withdrawals;
            target[f.TradeDate] = target.GetValueOrDefault(f.TradeDate) + f.Amount * rate.Value;
        }

        var dates = new List<DateOnly>();
        var returns = new List<double>();
        var points = series.Points;
        for (var i = 1; i < points.Count; i++)
        {
            var day = points[i].Date;
            var deposit = deposits.GetValueOrDefault(day);
            var withdrawal = withdrawals.GetValueOrDefault(day);
            var begin = points[i - 1].Value;
            var end = points[i].Value;
            if (begin + deposit <= 0m || (end == begin && deposit == 0m && withdrawal == 0m))
            {
                continue;
            }

            dates.Add(day);
            returns.Add((double)(((end + withdrawal) / (begin + deposit)) - 1m));
        }

        return dates.Count == 0 ? (null, null) : (new ScoredSeries(AnomalySeriesKinds.Returns, AnomalySeriesKinds.PortfolioKey, "Portfolio", [.. dates], [.. returns]), null);
    }

    /// <summary>
    /// Per expense category, the spending of each day that has any (the negated sum of its entries in the reporting currency,
    /// docs/budgets.md "What counts as spending"); days without spending in the category are left out of its series.
    /// </summary>
    private static List<ScoredSeries> Spending(SpendingSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return [];
        }

        var result = new List<ScoredSeries>();
        foreach (var category in snapshot.Entries.Where(e => e.Kind == CategoryKind.Expense && e.CategoryId is not null).GroupBy(e => e.CategoryId!.Value))
        {
            var days = category.GroupBy(e => e.Date).Select(d => (Date: d.Key, Spent: -d.Sum(e => e.Amount))).Where(d => d.Spent != 0m).OrderBy(d => d.Date).ToList();
            var node = snapshot.Tree.Find(category.Key);
            result.Add(new ScoredSeries(
                AnomalySeriesKinds.Spending, category.Key.ToString("D"), node is null ? category.Key.ToString("D") : snapshot.Tree.PathOf(node),
                [.. days.Select(d => d.Date)], [.. days.Select(d => (double)d.Spent)]));
        }

        return [.. result.OrderBy(s => s.Label, StringComparer.Ordinal)];
    }
}
