using Glidepath.Application.Orders;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;

namespace Glidepath.Server.Orders;

/// <summary>An order with its status, every transition and every fill (docs/orders.md).</summary>
public sealed record OrderDetailsDto(
    Guid Id,
    Guid AccountId,
    Guid InstrumentId,
    TradeSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice,
    decimal Price,
    OrderStatus Status,
    decimal FilledQuantity,
    string Broker,
    string? BrokerOrderId,
    Guid? ProposalId,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    IReadOnlyList<OrderTransitionDto> Transitions,
    IReadOnlyList<OrderFillDto> Fills)
{
    public static OrderDetailsDto From(OrderDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var o = details.Order;
        return new(
            o.Id, o.AccountId, o.InstrumentId, o.Side, o.Type, o.Quantity, o.LimitPrice, o.Price, o.Status, o.FilledQuantity, o.Broker, o.BrokerOrderId,
            o.ProposalId, o.CreatedUtc, o.UpdatedUtc,
            [.. details.Transitions.Select(t => new OrderTransitionDto(t.From, t.To, t.Reason, t.AtUtc))],
            [.. details.Fills.Select(f => new OrderFillDto(f.Id, f.Quantity, f.Price, f.Fees, f.TradeDate, f.AtUtc, f.TransactionId))]);
    }
}

public sealed record OrderTransitionDto(OrderStatus From, OrderStatus To, string Reason, DateTimeOffset AtUtc);

/// <param name="TransactionId">The ledger transaction the fill was booked as.</param>
public sealed record OrderFillDto(Guid Id, decimal Quantity, decimal Price, decimal Fees, DateOnly TradeDate, DateTimeOffset AtUtc, Guid TransactionId);

/// <summary>What one account's processing run did (<c>POST …/orders/process</c>).</summary>
/// <param name="AsOf">The day whose close was the last one considered (UTC today).</param>
/// <param name="Orders">Open orders found.</param>
/// <param name="Errors">Orders left for the next run because their broker did not answer.</param>
public sealed record OrderProcessingRunDto(DateOnly AsOf, int Orders, int Submitted, int Fills, int Filled, int Rejected, int Expired, int Cancelled, int Errors);
