using Glidepath.Application.Events;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Results;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Brokers;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Ledger;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Orders;

/// <summary>
/// Where an order's status changes and its fills are booked: <see cref="Move"/> is the one place a
/// transition is made and stored, with its <c>order.status_changed</c> event, and <see cref="FillAsync"/>
/// stores a fill, books it into the ledger, enqueues <c>order.filled</c> and moves the order, in one
/// database transaction (the outbox rows commit and roll back with the change they describe).
/// </summary>
public sealed class OrderTransitions(GlidepathDbContext db, LedgerStore ledger, IEventOutbox outbox)
{
    public const string LedgerRefusedCode = "order-fill-refused";

    /// <summary>
    /// Moves the (tracked) order to <paramref name="to"/> and adds the transition to the context; the
    /// caller's SaveChanges stores both, in its transaction.
    /// </summary>
    public OrderTransition Move(Order order, OrderStatus to, string reason, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(order);
        var transition = order.TransitionTo(to, reason, nowUtc);
        db.OrderTransitions.Add(transition);
        outbox.Enqueue(order.HouseholdId, EventTypes.OrderStatusChanged, new OrderStatusChanged(
            order.Id, order.AccountId, order.InstrumentId, transition.From.ToString(), transition.To.ToString(), reason, nowUtc, order.Quantity, order.FilledQuantity));
        return transition;
    }

    /// <summary>
    /// Stores <paramref name="reported"/> as a fill of the (tracked) order and books it as one buy or
    /// sell transaction (external id <c>order:{id}:{n}</c> for the n-th fill, so a fill is booked once
    /// even when two runs race; a sale relieves the lots the order names, as the proposal chose them).
    /// A fill the ledger refuses stores nothing and leaves the context empty: the caller reloads.
    /// </summary>
    public async Task<Result<OrderFill>> FillAsync(Order order, BrokerFill reported, DateTimeOffset nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(reported);
        var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == order.AccountId, ct);
        await using var scope = await db.Database.BeginTransactionAsync(ct);
        var number = await db.OrderFills.CountAsync(f => f.OrderId == order.Id, ct) + 1;
        var lots = order.Side == TradeSide.Sell ? FillLots.For(ProposalStore.ReadLots(order), order.FilledQuantity, reported.Quantity) : [];
        var (fill, next) = order.RecordFill(reported.Quantity, reported.Price, reported.Fees, reported.TradeDate, nowUtc);
        var transaction = new Transaction
        {
            AccountId = order.AccountId,
            Type = order.Side == TradeSide.Buy ? TransactionType.Buy : TransactionType.Sell,
            TradeDate = reported.TradeDate,
            SettlementDate = reported.TradeDate,
            InstrumentId = order.InstrumentId,
            Quantity = reported.Quantity,
            Price = reported.Price,
            Fees = reported.Fees,
            Currency = account.BaseCurrency,
            LotSelections = [.. lots.Select(l => new LotSelection(l.LotId, l.Quantity))],
            ExternalId = $"order:{order.Id:N}:{number}",
            Memo = $"Fill {number} of order {order.Id}",
        };
        fill.TransactionId = transaction.Id;
        db.OrderFills.Add(fill);
        outbox.Enqueue(order.HouseholdId, EventTypes.OrderFilled, new OrderFilled(
            order.Id, order.AccountId, order.InstrumentId, order.Side.ToString(), fill.Id, fill.Quantity, fill.Price, fill.Fees,
            fill.TradeDate, transaction.Id, order.FilledQuantity, order.Quantity));
        order.UpdatedUtc = nowUtc;
        if (next is { } status)
        {
            Move(order, status, status == OrderStatus.Filled ? "filled" : "partially filled", nowUtc);
        }

        var written = await ledger.AddTransactionAsync(transaction, ct);
        if (written.Problem is { } refused)
        {
            await scope.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Problem.Refused(LedgerRefusedCode, "The ledger refused the fill: " + string.Join(" ", refused.Items.Select(e => e.Message).DefaultIfEmpty(refused.Message)));
        }

        await scope.CommitAsync(ct);
        return fill;
    }
}
