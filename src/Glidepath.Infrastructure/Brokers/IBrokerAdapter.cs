using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;

namespace Glidepath.Infrastructure.Brokers;

/// <summary>
/// A broker that executes orders (docs/orders.md, "Brokers"). The order processor submits pending
/// orders, asks for what happened since (fills, or a final status the broker decided), cancels on
/// request, and compares the positions the broker reports with the ledger.
/// </summary>
public interface IBrokerAdapter
{
    /// <summary>The name accounts use to choose it (<see cref="BrokerNames"/>).</summary>
    string Name { get; }

    Task<BrokerSubmission> SubmitAsync(BrokerOrder order, CancellationToken ct);

    /// <summary>Fills not yet reported (after <see cref="BrokerOrder.FilledQuantity"/>) up to the close of <paramref name="asOf"/>, and a final status the broker set.</summary>
    Task<BrokerUpdate> PollAsync(BrokerOrder order, DateOnly asOf, CancellationToken ct);

    /// <summary>Asks the broker to cancel; false when it refused (the order is already done there).</summary>
    Task<bool> CancelAsync(BrokerOrder order, CancellationToken ct);

    /// <summary>The positions the broker holds for the account; null when the broker keeps none of its own (the paper broker's are the ledger's).</summary>
    Task<IReadOnlyList<BrokerPosition>?> PositionsAsync(string? brokerAccountId, CancellationToken ct);
}

/// <summary>An order as a broker sees it: the instrument by symbol, what is filled already, and the date of the last fill.</summary>
public sealed record BrokerOrder(
    Guid OrderId,
    string? BrokerOrderId,
    string? BrokerAccountId,
    Guid InstrumentId,
    string Symbol,
    TradeSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? LimitPrice,
    DateTimeOffset CreatedUtc,
    decimal FilledQuantity,
    DateOnly? LastFillDate);

/// <summary>Accepted (with the broker's order id) or rejected (with the broker's reason).</summary>
public sealed record BrokerSubmission(bool Accepted, string? BrokerOrderId, string Reason);

/// <param name="Quantity">Units in this fill.</param>
/// <param name="Price">Price per unit, slippage included.</param>
/// <param name="Fees">Commission for this fill.</param>
public sealed record BrokerFill(decimal Quantity, decimal Price, decimal Fees, DateOnly TradeDate);

/// <param name="Final">A final status the broker set (cancelled, rejected, expired) with its reason, after the fills; null when none.</param>
public sealed record BrokerUpdate(IReadOnlyList<BrokerFill> Fills, (OrderStatus Status, string Reason)? Final = null)
{
    public static BrokerUpdate Nothing { get; } = new([]);
}

public sealed record BrokerPosition(string Symbol, decimal Quantity);
