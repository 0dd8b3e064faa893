using Glidepath.Domain.Households;
using Glidepath.Domain.Orders;
using Glidepath.Infrastructure.Brokers;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Glidepath.Application.Orders;

/// <summary>What one processing run did.</summary>
/// <param name="Mismatches">Holdings where a broker and the ledger disagree after the run (each an alert).</param>
public sealed record ProcessedOrders(int Orders, int Submitted, int Fills, int Filled, int Rejected, int Expired, int Cancelled, int Errors, int Mismatches = 0);

/// <summary>
/// Drives every open order through its broker (the minute job and <c>glidepath orders process</c>):
/// a pending order is submitted (accepted or rejected), then the broker is asked for fills up to the
/// close of <c>asOf</c>, each booked into the ledger, and for a final status it set. Each order is
/// handled on its own: a broker that fails leaves that order as it was for the next run.
/// </summary>
public sealed class OrderProcessing(GlidepathDbContext db, OrderTransitions transitions, IEnumerable<IBrokerAdapter> brokers, ILogger<OrderProcessing> log)
{
    public Task<ProcessedOrders> ProcessAsync(DateOnly asOf, DateTimeOffset nowUtc, CancellationToken ct) => ProcessAsync(asOf, nowUtc, null, ct);

    /// <summary>The same run for one account's orders only (<paramref name="accountId"/>), or for all when null.</summary>
    public async Task<ProcessedOrders> ProcessAsync(DateOnly asOf, DateTimeOffset nowUtc, Guid? accountId, CancellationToken ct)
    {
        var open = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending || o.Status == OrderStatus.Submitted || o.Status == OrderStatus.PartiallyFilled)
            .Where(o => accountId == null || o.AccountId == accountId)
            .Select(o => o.Id).ToListAsync(ct);
        var totals = new ProcessedOrders(open.Count, 0, 0, 0, 0, 0, 0, 0);
        foreach (var id in open)
        {
            db.ChangeTracker.Clear();
            try
            {
                totals = await ProcessOneAsync(id, asOf, nowUtc, totals, ct);
            }
            catch (Exception e) when (e is BrokerException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Order {OrderId}: the broker did not answer; left for the next run", id);
                totals = totals with { Errors = totals.Errors + 1 };
            }
        }

        db.ChangeTracker.Clear();
        return totals with { Mismatches = await ReconcileAsync(nowUtc, accountId, ct) };
    }

    /// <summary>
    /// Fill reconciliation: for every account whose broker keeps positions of its own, the broker's
    /// quantities (by symbol) against the ledger's; the differences replace the account's earlier
    /// ones in <c>position_mismatches</c>, which the alerts show. An account that agrees clears its alerts.
    /// </summary>
    public async Task<int> ReconcileAsync(DateTimeOffset nowUtc, Guid? accountId, CancellationToken ct)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.Broker != BrokerNames.Paper && (accountId == null || a.Id == accountId)).ToListAsync(ct);
        var found = 0;
        foreach (var account in accounts)
        {
            IReadOnlyList<BrokerPosition>? reported;
            try
            {
                reported = await Broker(brokers, account.Broker).PositionsAsync(account.BrokerAccountId, ct);
            }
            catch (Exception e) when (e is BrokerException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Account {AccountId}: the broker did not report positions; reconciliation skipped", account.Id);
                continue;
            }

            if (reported is null)
            {
                continue;
            }

            var held = await db.Positions.AsNoTracking().Where(p => p.AccountId == account.Id).ToListAsync(ct);
            var ids = held.Select(p => p.InstrumentId).ToList();
            var symbols = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id) || i.HouseholdId == null || i.HouseholdId == account.HouseholdId)
                .Select(i => new { i.Id, i.Symbol, i.HouseholdId }).ToListAsync(ct);
            var bySymbol = symbols.GroupBy(i => i.Symbol, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.OrderBy(i => i.HouseholdId is null ? 1 : 0).First().Id, StringComparer.OrdinalIgnoreCase);
            var ledger = held.ToDictionary(p => p.InstrumentId, p => p.Quantity);
            var mismatches = new List<PositionMismatch>();
            foreach (var position in reported.GroupBy(p => p.Symbol, StringComparer.OrdinalIgnoreCase))
            {
                var instrument = bySymbol.TryGetValue(position.Key, out var id) ? id : (Guid?)null;
                var quantity = position.Sum(p => p.Quantity);
                var mine = instrument is { } i && ledger.Remove(i, out var q) ? q : 0m;
                if (quantity != mine)
                {
                    mismatches.Add(Mismatch(account, instrument, position.Key, quantity, mine, nowUtc));
                }
            }

            var names = symbols.ToDictionary(i => i.Id, i => i.Symbol);
            mismatches.AddRange(ledger.Where(p => p.Value != 0m).Select(p => Mismatch(account, p.Key, names.GetValueOrDefault(p.Key, "?"), 0m, p.Value, nowUtc)));
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.PositionMismatches.Where(m => m.AccountId == account.Id).ExecuteDeleteAsync(ct);
                db.PositionMismatches.AddRange(mismatches);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            foreach (var m in mismatches)
            {
                log.LogWarning("Position alert: account {AccountId} {Symbol}: broker {Broker}, ledger {Ledger}", account.Id, m.Symbol, m.BrokerQuantity, m.LedgerQuantity);
            }

            found += mismatches.Count;
        }

        db.ChangeTracker.Clear();
        return found;
    }

    private static PositionMismatch Mismatch(Account account, Guid? instrumentId, string symbol, decimal broker, decimal ledger, DateTimeOffset nowUtc) => new()
    {
        HouseholdId = account.HouseholdId,
        AccountId = account.Id,
        InstrumentId = instrumentId,
        Symbol = symbol,
        BrokerQuantity = broker,
        LedgerQuantity = ledger,
        FoundUtc = nowUtc,
    };

    private async Task<ProcessedOrders> ProcessOneAsync(Guid id, DateOnly asOf, DateTimeOffset nowUtc, ProcessedOrders totals, CancellationToken ct)
    {
        var order = await db.Orders.FirstAsync(o => o.Id == id, ct);
        if (!order.IsOpen)
        {
            return totals; // another run moved it meanwhile
        }

        var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == order.AccountId, ct);
        var broker = Broker(brokers, order.Broker);
        if (order.Status == OrderStatus.Pending)
        {
            var submission = await broker.SubmitAsync(await ToBrokerOrderAsync(db, order, account, ct), ct);
            if (!submission.Accepted)
            {
                transitions.Move(order, OrderStatus.Rejected, submission.Reason, nowUtc);
                await db.SaveChangesAsync(ct);
                return totals with { Rejected = totals.Rejected + 1 };
            }

            order.BrokerOrderId = submission.BrokerOrderId;
            transitions.Move(order, OrderStatus.Submitted, submission.Reason, nowUtc);
            await db.SaveChangesAsync(ct);
            totals = totals with { Submitted = totals.Submitted + 1 };
        }

        var update = await broker.PollAsync(await ToBrokerOrderAsync(db, order, account, ct), asOf, ct);
        foreach (var fill in update.Fills)
        {
            var booked = await transitions.FillAsync(order, fill, nowUtc, ct);
            if (!booked.TryGet(out _, out var problem))
            {
                // The ledger refuses it (a sale of units no longer held): the order cannot complete.
                order = await db.Orders.FirstAsync(o => o.Id == id, ct);
                transitions.Move(order, OrderStatus.Rejected, problem.Message, nowUtc);
                await db.SaveChangesAsync(ct);
                return totals with { Rejected = totals.Rejected + 1 };
            }

            totals = totals with { Fills = totals.Fills + 1, Filled = totals.Filled + (order.Status == OrderStatus.Filled ? 1 : 0) };
        }

        if (update.Final is { } final && order.CanMoveTo(final.Status))
        {
            transitions.Move(order, final.Status, final.Reason, nowUtc);
            await db.SaveChangesAsync(ct);
            totals = final.Status switch
            {
                OrderStatus.Expired => totals with { Expired = totals.Expired + 1 },
                OrderStatus.Cancelled => totals with { Cancelled = totals.Cancelled + 1 },
                _ => totals with { Rejected = totals.Rejected + 1 },
            };
        }

        return totals;
    }

    /// <summary>The run in one line, for the job-run log and the CLI.</summary>
    public static string Describe(ProcessedOrders run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{run.Orders} open orders: {run.Submitted} submitted, {run.Fills} fills ({run.Filled} orders filled), {run.Rejected} rejected, {run.Expired} expired, {run.Cancelled} cancelled by the broker, {run.Errors} left for the next run (broker did not answer); {run.Mismatches} position mismatches.");
    }

    internal static IBrokerAdapter Broker(IEnumerable<IBrokerAdapter> brokers, string name) =>
        brokers.FirstOrDefault(b => b.Name == name) ?? throw new InvalidOperationException($"No broker adapter named '{name}' is registered.");

    internal static async Task<BrokerOrder> ToBrokerOrderAsync(GlidepathDbContext db, Order order, Account account, CancellationToken ct)
    {
        var symbol = await db.Instruments.AsNoTracking().Where(i => i.Id == order.InstrumentId).Select(i => i.Symbol).FirstAsync(ct);
        var lastFill = await db.OrderFills.AsNoTracking().Where(f => f.OrderId == order.Id).Select(f => (DateOnly?)f.TradeDate).MaxAsync(ct);
        return new BrokerOrder(
            order.Id, order.BrokerOrderId, account.BrokerAccountId, order.InstrumentId, symbol, order.Side, order.Type,
            order.Quantity, order.LimitPrice, order.CreatedUtc, order.FilledQuantity, lastFill);
    }
}
