using Glidepath.Domain.Households;
using Glidepath.Domain.Orders;
using Glidepath.Infrastructure.Brokers;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Glidepath.Application.Orders;

/// <summary>What one processing run did.</summary>
public sealed record ProcessedOrders(int Orders, int Submitted, int Fills, int Filled, int Rejected, int Expired, int Cancelled, int Errors);

/// <summary>
/// Drives every open order through its broker (the minute job and <c>glidepath orders process</c>):
/// a pending order is submitted (accepted or rejected), then the broker is asked for fills up to the
/// close of <c>asOf</c>, each booked into the ledger, and for a final status it set. Each order is
/// handled on its own: a broker that fails leaves that order as it was for the next run.
/// </summary>
public sealed class OrderProcessing(GlidepathDbContext db, OrderTransitions transitions, IEnumerable<IBrokerAdapter> brokers, ILogger<OrderProcessing> log)
{
    public async Task<ProcessedOrders> ProcessAsync(DateOnly asOf, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var open = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending || o.Status == OrderStatus.Submitted || o.Status == OrderStatus.PartiallyFilled)
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
        return totals;
    }

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
            $"{run.Orders} open orders: {run.Submitted} submitted, {run.Fills} fills ({run.Filled} orders filled), {run.Rejected} rejected, {run.Expired} expired, {run.Cancelled} cancelled by the broker, {run.Errors} left for the next run (broker did not answer).");
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
