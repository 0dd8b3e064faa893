using Glidepath.Domain.Results;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Performance;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Valuation;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Reporting;

/// <summary>
/// The read side that the server and the CLI both show: positions valued on a date, a household
/// valuation and the net-worth series. It only loads data; the ledger (<see cref="LedgerStore"/>)
/// and the valuation rules (<see cref="HouseholdValuer"/>) do the work. A null answer means the
/// household does not exist.
/// </summary>
public sealed class HouseholdReports(GlidepathDbContext db, LedgerStore ledger, ValuationProjector valuations)
{
    /// <summary>
    /// Holdings and cash at the close of <paramref name="asOf"/>, each position valued in its account's currency.
    /// On or after the last trade the positions and cash are the ledger cache's (read model), valued at each
    /// instrument's last close on or before the date, found by an index seek; an earlier date is replayed.
    /// <paramref name="withLots"/> also reads the open lots into <see cref="PositionsReport.State"/>.
    /// </summary>
    public async Task<PositionsReport?> PositionsAsync(Guid householdId, DateOnly asOf, bool withLots = false, CancellationToken ct = default)
    {
        var current = await valuations.EnsureCurrentAsync(householdId, ct);
        if (current is null)
        {
            return null;
        }

        if (current.LastTradeDate is { } lastTrade && lastTrade > asOf)
        {
            return await PositionsByReplayAsync(householdId, asOf, ct);
        }

        var accounts = (await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct)).ToDictionary(a => a.Id);
        var positions = await ledger.GetPositionsAsync(householdId, ct);
        var cash = await ledger.GetCashAsync(householdId, ct);
        var lots = withLots ? await ledger.GetLotsAsync(householdId, ct) : [];
        var ids = positions.Select(p => p.InstrumentId).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var currencies = instruments.Select(i => i.Currency).Concat(accounts.Values.Select(a => a.BaseCurrency)).Distinct().ToList();
        var prices = new PriceBook(await LatestClosesAsync(ids, asOf, ct), await LatestRatesAsync(householdId, currencies, asOf, history: false, ct));
        var valuer = new HouseholdValuer(prices, instruments);
        var byId = instruments.ToDictionary(i => i.Id);
        var lines = positions.Select(p =>
        {
            var account = accounts[p.AccountId];
            var valued = valuer.ValuePosition(p, account.BaseCurrency, asOf).GetValueOrDefault();
            return new PositionLine(account, byId[p.InstrumentId], p.Quantity, p.CostBasis, valued?.Price, valued?.PriceDate, valued?.Value);
        });
        var cashLines = cash.Where(c => c.Amount != 0m).Select(c => new CashLine(accounts[c.AccountId], c.Amount));
        return new PositionsReport(asOf, Order(lines), [.. cashLines.OrderBy(c => c.Account.Name, StringComparer.Ordinal)], new LedgerState(lots, positions, cash, []));
    }

    /// <summary>The same by replaying the ledger and loading every close: any date, and the reference the read model is tested against.</summary>
    public async Task<PositionsReport?> PositionsByReplayAsync(Guid householdId, DateOnly asOf, CancellationToken ct = default)
    {
        var data = await LoadAsync(householdId, asOf, ct);
        if (data is null)
        {
            return null;
        }

        var state = await StateAsync(householdId, asOf, ct);
        var accounts = data.Accounts.ToDictionary(a => a.Id);
        var instruments = data.Instruments.ToDictionary(i => i.Id);
        var lines = state.Positions.Select(p =>
        {
            var account = accounts[p.AccountId];
            var valued = data.Valuer.ValuePosition(p, account.BaseCurrency, asOf).GetValueOrDefault();
            return new PositionLine(account, instruments[p.InstrumentId], p.Quantity, p.CostBasis, valued?.Price, valued?.PriceDate, valued?.Value);
        });
        var cash = state.Cash.Where(c => c.Amount != 0m).Select(c => new CashLine(accounts[c.AccountId], c.Amount));
        return new PositionsReport(asOf, Order(lines), [.. cash.OrderBy(c => c.Account.Name, StringComparer.Ordinal)], state);
    }

    /// <summary>Every account and manual asset or liability valued in <paramref name="currency"/> at the close of <paramref name="date"/>.</summary>
    public async Task<Result<HouseholdValue>?> ValuationAsync(Guid householdId, DateOnly date, Currency currency, CancellationToken ct = default)
    {
        var data = await LoadAsync(householdId, date, ct);
        if (data is null)
        {
            return null;
        }

        var accounts = data.Valuer.ValueHousehold(data.Accounts, await StateAsync(householdId, date, ct), currency, date);
        var manual = new ManualAssetValuer(data.Prices).Value(data.ManualAssets, currency, date);
        return accounts.TryGet(out var value, out _) && manual.TryGet(out var items, out _)
            ? Result.Ok(value with { ManualItems = items })
            : ValuationProblems.Combine(accounts.Problem, manual.Problem);
    }

    /// <summary>
    /// Net worth (accounts and manual items) at the close of every day from <paramref name="from"/> to <paramref name="to"/>,
    /// from the daily valuation read model (<see cref="ValuationReadModel"/>): no ledger replay, no close loaded.
    /// </summary>
    public async Task<Result<NetWorthSeries>?> NetWorthAsync(Guid householdId, DateOnly from, DateOnly to, Currency currency, CancellationToken ct = default)
    {
        var state = await valuations.EnsureCurrentAsync(householdId, ct);
        if (state is null)
        {
            return null;
        }

        var manual = await db.ManualAssets.AsNoTracking().Include(m => m.Values).Where(m => m.HouseholdId == householdId).OrderBy(m => m.Id).ToListAsync(ct);
        return await new ValuationReadModel(db).NetWorthAsync(
            state, manual, currency, from, to, (currencies, until) => LatestRatesAsync(householdId, currencies, until, history: true, ct), ct);
    }

    /// <summary>
    /// The accounts' value (the ledger: holdings and cash, no manual items) at the close of every day from <paramref name="from"/> to
    /// <paramref name="to"/>, from the same read model as <see cref="NetWorthAsync"/>; null when the household does not exist.
    /// </summary>
    public async Task<Result<NetWorthSeries>?> AccountsValueAsync(Guid householdId, DateOnly from, DateOnly to, Currency currency, CancellationToken ct = default)
    {
        var state = await valuations.EnsureCurrentAsync(householdId, ct);
        return state is null
            ? null
            : await new ValuationReadModel(db).NetWorthAsync(
                state, [], currency, from, to, (currencies, until) => LatestRatesAsync(householdId, currencies, until, history: true, ct), ct);
    }

    /// <summary>
    /// One account's value at the close of every day from <paramref name="from"/> to <paramref name="to"/>, from the
    /// read model's per-account rows; null when the household does not exist. The caller checks the account is the household's.
    /// </summary>
    public async Task<Result<NetWorthSeries>?> AccountValueSeriesAsync(
        Guid householdId, Guid accountId, DateOnly from, DateOnly to, Currency currency, CancellationToken ct = default)
    {
        var state = await valuations.EnsureCurrentAsync(householdId, ct);
        return state is null
            ? null
            : await new ValuationReadModel(db).AccountSeriesAsync(
                state, accountId, currency, from, to, (currencies, until) => LatestRatesAsync(householdId, currencies, until, history: true, ct), ct);
    }

    /// <summary>The same by replaying the ledger over every stored close: the reference the read model is tested against.</summary>
    public async Task<Result<NetWorthSeries>?> NetWorthByReplayAsync(Guid householdId, DateOnly from, DateOnly to, Currency currency, CancellationToken ct = default)
    {
        var data = await LoadAsync(householdId, to, ct);
        if (data is null)
        {
            return null;
        }

        var history = await db.Transactions.AsNoTracking()
            .Where(t => t.TradeDate <= to && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(ct);
        var accounts = data.Valuer.NetWorthSeries(data.Accounts, history, currency, from, to);
        var manual = new ManualAssetValuer(data.Prices).DailyTotals(data.ManualAssets, currency, from, to);
        if (!accounts.TryGet(out var series, out _) || !manual.TryGet(out var totals, out _))
        {
            return ValuationProblems.Combine(accounts.Problem, manual.Problem);
        }

        return Result.Ok(series with { Points = [.. series.Points.Select(p => p with { Value = p.Value + totals[p.Date.DayNumber - from.DayNumber] })] });
    }

    /// <summary>
    /// The currency pairs that valuing the household in <paramref name="currency"/> lacks: each account's
    /// and manual item's currency to <paramref name="currency"/>, on the household's first dated entry
    /// (its first trade or manual value; <paramref name="today"/> without either), so every later day
    /// and every chart range has a rate. Null when the household does not exist.
    /// </summary>
    public async Task<IReadOnlyList<MissingFxRate>?> MissingRatesAsync(Guid householdId, Currency currency, DateOnly today, CancellationToken ct = default)
    {
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }

        var firstTrade = await db.Transactions
            .Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .MinAsync(t => (DateOnly?)t.TradeDate, ct);
        var firstValue = await db.ManualAssetValues
            .Where(v => db.ManualAssets.Any(m => m.Id == v.ManualAssetId && m.HouseholdId == householdId))
            .MinAsync(v => (DateOnly?)v.Date, ct);
        var from = new[] { firstTrade, firstValue, today }.Where(d => d is not null).Min()!.Value;
        var currencies = (await db.Accounts.Where(a => a.HouseholdId == householdId).Select(a => a.BaseCurrency).ToListAsync(ct))
            .Concat(await db.ManualAssets.Where(m => m.HouseholdId == householdId).Select(m => m.Currency).ToListAsync(ct))
            .Distinct()
            .Where(c => c != currency)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        if (currencies.Count == 0)
        {
            return [];
        }

        var book = new PriceBook([], await RatesAsync(householdId, today, ct));
        return [.. currencies.Where(c => !book.Rate(c, currency, from).Found).Select(c => new MissingFxRate(c, currency, from))];
    }

    /// <summary>
    /// Performance of the household, one of its accounts or a position over <paramref name="request"/>'s
    /// range (<see cref="PerformanceAnalyser"/>). The benchmark, when named, is an instrument by id.
    /// </summary>
    public async Task<Result<PerformanceReport>?> PerformanceAsync(Guid householdId, PerformanceRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).OrderBy(a => a.Id).ToListAsync(ct);
        var history = await db.Transactions.AsNoTracking()
            .Where(t => t.TradeDate <= request.To && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(ct);
        var ids = history.Where(t => t.InstrumentId != null).Select(t => t.InstrumentId!.Value).ToHashSet();
        if (request.BenchmarkId is { } benchmark)
        {
            ids.Add(benchmark);
        }

        if (request.Scope.InstrumentId is { } scoped)
        {
            ids.Add(scoped);
        }

        var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var closes = await db.Prices.AsNoTracking().Where(p => ids.Contains(p.InstrumentId) && p.Date <= request.To).ToListAsync(ct);
        var rates = await RatesAsync(householdId, request.To, ct);
        return new PerformanceAnalyser(new PriceBook(closes, rates), instruments).Analyse(accounts, history, request);
    }

    /// <summary>The cache holds the state after the whole history; an earlier date is replayed.</summary>
    private async Task<LedgerState> StateAsync(Guid householdId, DateOnly asOf, CancellationToken ct)
    {
        var latest = await db.Transactions
            .Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .MaxAsync(t => (DateOnly?)t.TradeDate, ct);
        if (latest is null || latest <= asOf)
        {
            return await ledger.GetStateAsync(householdId, ct);
        }

        var replayed = await ledger.ReplayAsOfAsync(householdId, asOf, ct);
        return replayed.Expect($"The stored history of household {householdId} does not replay");
    }

    /// <summary>
    /// The shared FX rates up to <paramref name="until"/>, then the household's own: the price book keeps
    /// the last value given for a pair and date, so the household's rate wins on the same day.
    /// </summary>
    private async Task<List<FxRate>> RatesAsync(Guid householdId, DateOnly until, CancellationToken ct)
    {
        var shared = await db.FxRates.AsNoTracking().Where(r => r.Date <= until).ToListAsync(ct);
        var own = await db.HouseholdFxRates.AsNoTracking().Where(r => r.HouseholdId == householdId && r.Date <= until).ToListAsync(ct);
        return [.. shared, .. own.Select(r => r.ToFxRate())];
    }

    /// <summary>Each instrument's last close on or before <paramref name="date"/>: one index seek per instrument on (instrument_id, date).</summary>
    private Task<List<PriceClose>> LatestClosesAsync(List<Guid> ids, DateOnly date, CancellationToken ct) => LatestCloses.OnOrBeforeAsync(db, ids, date, ct);

    private Task<List<FxRate>> LatestRatesAsync(Guid householdId, IReadOnlyCollection<Currency> currencies, DateOnly date, bool history, CancellationToken ct) =>
        HouseholdFxRateQuery.RatesAsync(db, householdId, currencies, date, history, ct);

    /// <summary>Accounts, the instruments the household ever held, their closes up to <paramref name="until"/>, the FX rates it sees, and its manual items.</summary>
    private async Task<ReportData?> LoadAsync(Guid householdId, DateOnly until, CancellationToken ct)
    {
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).OrderBy(a => a.Id).ToListAsync(ct);
        var instrumentIds = db.Transactions
            .Where(t => t.InstrumentId != null && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .Select(t => t.InstrumentId!.Value)
            .Distinct();
        var instruments = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).ToListAsync(ct);
        var held = instruments.Select(i => i.Id).ToList();
        var closes = await db.Prices.AsNoTracking().Where(p => held.Contains(p.InstrumentId) && p.Date <= until).ToListAsync(ct);
        var prices = new PriceBook(closes, await RatesAsync(householdId, until, ct));
        var manual = await db.ManualAssets.AsNoTracking().Include(m => m.Values).Where(m => m.HouseholdId == householdId).OrderBy(m => m.Id).ToListAsync(ct);
        return new ReportData(accounts, instruments, prices, new HouseholdValuer(prices, instruments), manual);
    }

    private static List<PositionLine> Order(IEnumerable<PositionLine> lines) =>
        [.. lines.OrderBy(l => l.Account.Name, StringComparer.Ordinal).ThenBy(l => l.Instrument.Symbol, StringComparer.Ordinal)];

    private sealed record ReportData(List<Account> Accounts, List<Instrument> Instruments, PriceBook Prices, HouseholdValuer Valuer, List<ManualAsset> ManualAssets);
}

/// <summary>Positions and non-zero cash at the close of <paramref name="AsOf"/>; <paramref name="State"/> is the ledger state they came from.</summary>
public sealed record PositionsReport(DateOnly AsOf, IReadOnlyList<PositionLine> Positions, IReadOnlyList<CashLine> Cash, LedgerState State);

/// <summary>One position; <paramref name="Price"/> is in the instrument's currency, <paramref name="MarketValue"/> in the account's (null without a close).</summary>
public sealed record PositionLine(Account Account, Instrument Instrument, decimal Quantity, decimal CostBasis, decimal? Price, DateOnly? PriceDate, decimal? MarketValue);

public sealed record CashLine(Account Account, decimal Amount);

/// <summary>No rate from <paramref name="Base"/> to <paramref name="Quote"/> on or before <paramref name="Date"/> (directly, inverted or through USD).</summary>
public sealed record MissingFxRate(Currency Base, Currency Quote, DateOnly Date)
{
    public string Pair => $"{Base.Code}/{Quote.Code}";
}
