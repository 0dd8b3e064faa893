using Glidepath.Domain.Results;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Valuation;

/// <summary>
/// Reads the net-worth series from the daily valuation rows of a current projection: one index range scan
/// over (household_id, date), each day's subtotals converted at that day's rate (only when a subtotal is in
/// another currency), then the manual items added as <see cref="ManualAssetValuer"/> values them. The
/// same figures, failures included, as <see cref="HouseholdValuer.NetWorthSeries"/> over the whole ledger.
/// </summary>
internal sealed class ValuationReadModel(GlidepathDbContext db)
{
    public async Task<Result<NetWorthSeries>> NetWorthAsync(
        ValuationSeriesState state,
        IReadOnlyList<ManualAsset> manual,
        Currency reporting,
        DateOnly from,
        DateOnly to,
        Func<IReadOnlyCollection<Currency>, DateOnly, Task<List<FxRate>>> rates,
        CancellationToken ct)
    {
        if (to < from)
        {
            return Fail(ValuationErrorCodes.InvalidRange, $"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        var householdId = state.HouseholdId;
        var last = state.LastDate;
        // Days after the last stored one repeat it: nothing trades or closes later.
        var rows = await db.ValuationDays.AsNoTracking()
            .Where(d => d.HouseholdId == householdId && ((d.Date >= from && d.Date <= to) || d.Date == last))
            .OrderBy(d => d.Date)
            .ToListAsync(ct);
        var gaps = await db.ValuationGaps.AsNoTracking()
            .Where(g => g.HouseholdId == householdId && ((g.Date >= from && g.Date <= to) || g.Date == last))
            .ToDictionaryAsync(g => g.Date, g => g.InstrumentId, ct);

        var currencies = rows.Select(r => r.Currency).Concat(manual.Select(m => m.Currency)).Append(reporting).Distinct().ToList();
        var book = new PriceBook([], currencies.Count > 1 ? await rates(currencies, to) : []);
        var accounts = await AccountTotalsAsync(rows, gaps, last, book, reporting, from, to, ct);
        var items = new ManualAssetValuer(book).DailyTotals(manual, reporting, from, to);
        if (!accounts.TryGet(out var points, out _) || !items.TryGet(out var totals, out _))
        {
            return ValuationProblems.Combine(accounts.Problem, items.Problem);
        }

        return Result.Ok(new NetWorthSeries(reporting, [.. points.Select(p => p with { Value = p.Value + totals[p.Date.DayNumber - from.DayNumber] })]));
    }

    /// <summary>
    /// One account's value at the close of every day, from its own rows (account_valuation_days): the same
    /// conversion as the household's, without manual items. Fails on a day an instrument it holds has no close.
    /// </summary>
    public async Task<Result<NetWorthSeries>> AccountSeriesAsync(
        ValuationSeriesState state,
        Guid accountId,
        Currency reporting,
        DateOnly from,
        DateOnly to,
        Func<IReadOnlyCollection<Currency>, DateOnly, Task<List<FxRate>>> rates,
        CancellationToken ct)
    {
        if (to < from)
        {
            return Fail(ValuationErrorCodes.InvalidRange, $"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        var householdId = state.HouseholdId;
        var last = state.LastDate;
        var rows = (await db.AccountValuationDays.AsNoTracking()
                .Where(d => d.HouseholdId == householdId && d.AccountId == accountId && ((d.Date >= from && d.Date <= to) || d.Date == last))
                .OrderBy(d => d.Date)
                .ToListAsync(ct))
            .Select(d => new ValuationDayRow(householdId, d.Date, d.Currency, d.Amount))
            .ToList();
        var gaps = await db.AccountValuationGaps.AsNoTracking()
            .Where(g => g.HouseholdId == householdId && g.AccountId == accountId && ((g.Date >= from && g.Date <= to) || g.Date == last))
            .ToDictionaryAsync(g => g.Date, g => g.InstrumentId, ct);
        var currencies = rows.Select(r => r.Currency).Append(reporting).Distinct().ToList();
        var book = new PriceBook([], currencies.Count > 1 ? await rates(currencies, to) : []);
        return (await AccountTotalsAsync(rows, gaps, last, book, reporting, from, to, ct)).Map(points => new NetWorthSeries(reporting, points));
    }

    private async Task<Result<List<NetWorthPoint>>> AccountTotalsAsync(
        List<ValuationDayRow> rows, Dictionary<DateOnly, Guid> gaps, DateOnly? last, PriceBook book, Currency reporting, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var byDate = rows.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.ToList());
        var points = new List<NetWorthPoint>(to.DayNumber - from.DayNumber + 1);
        for (var dayNumber = from.DayNumber; dayNumber <= to.DayNumber; dayNumber++)
        {
            var day = DateOnly.FromDayNumber(dayNumber);
            var stored = last is { } l && day > l ? l : day;
            if (gaps.TryGetValue(stored, out var instrumentId))
            {
                var symbol = await db.Instruments.Where(i => i.Id == instrumentId).Select(i => i.Symbol).FirstAsync(ct);
                return ValuationProblems.From([new ValuationError(ValuationErrorCodes.MissingPrice, $"No close for {symbol} ({instrumentId}) on or before {day:yyyy-MM-dd}.")]);
            }

            var total = 0m;
            if (last is not null && byDate.TryGetValue(stored, out var subtotals))
            {
                foreach (var subtotal in subtotals)
                {
                    var rate = book.Rate(subtotal.Currency, reporting, day);
                    if (rate.Error is not null)
                    {
                        return ValuationProblems.From([rate.Error]);
                    }

                    total += subtotal.Amount * rate.Value;
                }
            }

            points.Add(new NetWorthPoint(day, total));
        }

        return Result.Ok(points);
    }

    private static Result<NetWorthSeries> Fail(string code, string message) => ValuationProblems.From([new ValuationError(code, message)]);
}
