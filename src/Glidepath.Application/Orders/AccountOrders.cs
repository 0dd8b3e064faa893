using Glidepath.Application.Accounts;
using Glidepath.Application.Validation;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Brokers;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Orders;

/// <summary>
/// An account's orders (the front door has checked the caller may see the household): place one
/// (idempotent by key), list and show them with their transitions and fills, cancel one.
/// </summary>
public sealed class AccountOrders(GlidepathDbContext db, OrderTransitions transitions, IEnumerable<IBrokerAdapter> brokers)
{
    public const string OrderNotFoundCode = "order-not-found";
    public const string NotCancellableCode = "order-not-cancellable";
    public const string BrokerRefusedCancelCode = "order-cancel-refused";
    public const int MaxIdempotencyKey = 100;

    public async Task<Result<PlacedOrder>> PlaceAsync(
        Guid householdId, Guid accountId, PlaceOrderRequest request, string? idempotencyKey, DateTimeOffset nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.HouseholdId == householdId, ct);
        if (account is null)
        {
            return HouseholdAccounts.NotFound(accountId);
        }

        if (idempotencyKey is not null && idempotencyKey.Length is 0 or > MaxIdempotencyKey)
        {
            return Problem.Invalid("Idempotency-Key", $"The key has 1 to {MaxIdempotencyKey} characters.");
        }

        if (idempotencyKey is not null && await FindByKeyAsync(accountId, idempotencyKey, ct) is { } earlier)
        {
            return new PlacedOrder(await DetailsAsync(earlier, ct), false);
        }

        var checks = new InputChecks()
            .Check(request.Side is not null, "side", "The side is buy or sell.")
            .Check(request.Type is not null, "type", "The type is market or limit.");
        var instrumentKnown = await db.Instruments.UsableBy(householdId).AnyAsync(i => i.Id == request.InstrumentId, ct);
        checks.Check(instrumentKnown, "instrumentId", "No such instrument.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var lastClose = await db.Prices.AsNoTracking().Where(p => p.InstrumentId == request.InstrumentId)
            .OrderByDescending(p => p.Date).Select(p => (decimal?)p.Close).FirstOrDefaultAsync(ct);
        var ticket = new OrderTicket(
            accountId, request.InstrumentId, request.Side!.Value, request.Quantity, request.Type!.Value, request.LimitPrice, request.LimitPrice ?? lastClose ?? 0m, []);
        foreach (var (field, message) in ticket.Check())
        {
            checks.Add(field, message);
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var order = ticket.ToOrder(account, null, idempotencyKey, "", nowUtc);
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent retry with the same key won the unique index: answer its order.
            db.ChangeTracker.Clear();
            if (await FindByKeyAsync(accountId, idempotencyKey, ct) is { } winner)
            {
                return new PlacedOrder(await DetailsAsync(winner, ct), false);
            }

            throw;
        }

        return new PlacedOrder(new OrderDetails(order, [], []), true);
    }

    public async Task<Result<IReadOnlyList<OrderDetails>>> ListAsync(Guid householdId, Guid accountId, OrderStatus? status, CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId && a.HouseholdId == householdId, ct))
        {
            return HouseholdAccounts.NotFound(accountId);
        }

        var orders = await db.Orders.AsNoTracking().Where(o => o.AccountId == accountId && (status == null || o.Status == status)).ToListAsync(ct);
        var ids = orders.Select(o => o.Id).ToList();
        var moves = (await db.OrderTransitions.AsNoTracking().Where(t => ids.Contains(t.OrderId)).ToListAsync(ct)).ToLookup(t => t.OrderId);
        var fills = (await db.OrderFills.AsNoTracking().Where(f => ids.Contains(f.OrderId)).ToListAsync(ct)).ToLookup(f => f.OrderId);
        return orders.OrderByDescending(o => o.CreatedUtc).ThenBy(o => o.Id)
            .Select(o => new OrderDetails(o, Ordered(moves[o.Id]), Ordered(fills[o.Id]))).ToList();
    }

    public async Task<Result<OrderDetails>> GetAsync(Guid householdId, Guid accountId, Guid orderId, CancellationToken ct) =>
        await FindAsync(householdId, accountId, orderId, tracked: false, ct) is { } order ? await DetailsAsync(order, ct) : NotFound(orderId);

    /// <summary>
    /// Cancels an open order (a partially filled one keeps its fills): the broker is asked first when the
    /// order reached it. A filled, rejected, expired or cancelled order is a conflict.
    /// </summary>
    public async Task<Result<OrderDetails>> CancelAsync(Guid householdId, Guid accountId, Guid orderId, DateTimeOffset nowUtc, CancellationToken ct)
    {
        var order = await FindAsync(householdId, accountId, orderId, tracked: true, ct);
        if (order is null)
        {
            return NotFound(orderId);
        }

        if (!order.CanMoveTo(OrderStatus.Cancelled))
        {
            return Problem.Conflict(NotCancellableCode, $"Order {orderId} is {order.Status}: only an open order can be cancelled.");
        }

        if (order.BrokerOrderId is not null)
        {
            var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == accountId, ct);
            if (!await OrderProcessing.Broker(brokers, order.Broker).CancelAsync(await OrderProcessing.ToBrokerOrderAsync(db, order, account, ct), ct))
            {
                return Problem.Conflict(BrokerRefusedCancelCode, $"The broker refused to cancel order {orderId}; it may have filled meanwhile.");
            }
        }

        transitions.Move(order, OrderStatus.Cancelled, "cancelled by the user", nowUtc);
        await db.SaveChangesAsync(ct);
        return await DetailsAsync(order, ct);
    }

    private Task<Order?> FindByKeyAsync(Guid accountId, string key, CancellationToken ct) =>
        db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.AccountId == accountId && o.IdempotencyKey == key, ct);

    private Task<Order?> FindAsync(Guid householdId, Guid accountId, Guid orderId, bool tracked, CancellationToken ct) =>
        (tracked ? db.Orders : db.Orders.AsNoTracking())
            .FirstOrDefaultAsync(o => o.Id == orderId && o.AccountId == accountId && o.HouseholdId == householdId, ct);

    private async Task<OrderDetails> DetailsAsync(Order order, CancellationToken ct) => new(
        order,
        Ordered(await db.OrderTransitions.AsNoTracking().Where(t => t.OrderId == order.Id).ToListAsync(ct)),
        Ordered(await db.OrderFills.AsNoTracking().Where(f => f.OrderId == order.Id).ToListAsync(ct)));

    // Ordered in C#: SQLite cannot order by DateTimeOffset. Ids are version 7 (time-ordered) for ties.
    private static List<OrderTransition> Ordered(IEnumerable<OrderTransition> moves) => [.. moves.OrderBy(t => t.AtUtc).ThenBy(t => t.Id)];

    private static List<OrderFill> Ordered(IEnumerable<OrderFill> fills) => [.. fills.OrderBy(f => f.TradeDate).ThenBy(f => f.AtUtc).ThenBy(f => f.Id)];

    private static Problem NotFound(Guid orderId) => Problem.NotFound(OrderNotFoundCode, $"Order {orderId} is not in this account.");
}
