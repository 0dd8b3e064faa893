using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Performance;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Reporting;

/// <summary>
/// The read side that the server and the CLI both show: positions valued on a date, a household
/// valuation and the net-worth series. It only loads data; the ledger (<see cref="LedgerStore"/>)
/// and the valuation rules (<see cref="HouseholdValuer"/>) do the work. A null answer means the
/// household does not exist.
/// </summary>
public sealed class HouseholdReports(GlidepathDbContext db, LedgerStore ledger)
{
    /// <summary>Holdings and cash at the close of <paramref name="asOf"/>, each position valued in its account's currency.</summary>
    public async Task<PositionsReport?> PositionsAsync(Guid householdId, DateOnly asOf, CancellationToken ct = default)
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
            var valued = data.Valuer.ValuePosition(p, account.BaseCurrency, asOf).Value;
            return new PositionLine(account, instruments[p.InstrumentId], p.Quantity, p.CostBasis, valued?.Price, valued?.PriceDate, valued?.Value);
        });
        var cash = state.Cash.Where(c => c.Amount != 0m).Select(c => new CashLine(accounts[c.AccountId], c.Amount));
        return new PositionsReport(asOf, Order(lines), [.. cash.OrderBy(c => c.Account.Name, StringComparer.Ordinal)], state);
    }

    /// <summary>Every account valued in <paramref name="currency"/> at the close of <paramref name="date"/>.</summary>
    public async Task<Valued<HouseholdValue>?> ValuationAsync(Guid householdId, DateOnly date, Currency currency, CancellationToken ct = default)
    {
        var data = await LoadAsync(householdId, date, ct);
        return data is null ? null : data.Valuer.ValueHousehold(data.Accounts, await StateAsync(householdId, date, ct), currency, date);
    }

    /// <summary>Net worth at the close of every day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<Valued<NetWorthSeries>?> NetWorthAsync(Guid householdId, DateOnly from, DateOnly to, Currency currency, CancellationToken ct = default)
    {
        var data = await LoadAsync(householdId, to, ct);
        if (data is null)
        {
            return null;
        }

        var history = await db.Transactions.AsNoTracking()
            .Where(t => t.TradeDate <= to && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(ct);
        return data.Valuer.NetWorthSeries(data.Accounts, history, currency, from, to);
    }

    /// <summary>
    /// Performance of the household, one of its accounts or a position over <paramref name="request"/>'s
    /// range (<see cref="PerformanceAnalyser"/>). The benchmark, when named, is an instrument by id.
    /// </summary>
    public async Task<Valued<PerformanceReport>?> PerformanceAsync(Guid householdId, PerformanceRequest request, CancellationToken ct = default)
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
        var rates = await db.FxRates.AsNoTracking().Where(r => r.Date <= request.To).ToListAsync(ct);
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
        return replayed.State ?? throw new InvalidOperationException(
            $"The stored history of household {householdId} does not replay: {string.Join("; ", replayed.Errors.Select(e => e.Message))}");
    }

    /// <summary>Accounts, the instruments the household ever held, their closes up to <paramref name="until"/>, and all FX rates.</summary>
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
        var rates = await db.FxRates.AsNoTracking().Where(r => r.Date <= until).ToListAsync(ct);
        return new ReportData(accounts, instruments, new HouseholdValuer(new PriceBook(closes, rates), instruments));
    }

    private static List<PositionLine> Order(IEnumerable<PositionLine> lines) =>
        [.. lines.OrderBy(l => l.Account.Name, StringComparer.Ordinal).ThenBy(l => l.Instrument.Symbol, StringComparer.Ordinal)];

    private sealed record ReportData(List<Account> Accounts, List<Instrument> Instruments, HouseholdValuer Valuer);
}

/// <summary>Positions and non-zero cash at the close of <paramref name="AsOf"/>; <paramref name="State"/> is the ledger state they came from.</summary>
public sealed record PositionsReport(DateOnly AsOf, IReadOnlyList<PositionLine> Positions, IReadOnlyList<CashLine> Cash, LedgerState State);

/// <summary>One position; <paramref name="Price"/> is in the instrument's currency, <paramref name="MarketValue"/> in the account's (null without a close).</summary>
public sealed record PositionLine(Account Account, Instrument Instrument, decimal Quantity, decimal CostBasis, decimal? Price, DateOnly? PriceDate, decimal? MarketValue);

public sealed record CashLine(Account Account, decimal Amount);
