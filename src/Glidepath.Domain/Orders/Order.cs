using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.Orders;

/// <summary>
/// An order to trade in one account: placed through the API, or made from an accepted rebalance
/// proposal or harvest suggestion. A broker (<see cref="Broker"/>) executes it; its fills are booked
/// into the ledger. The status only changes through <see cref="TransitionTo"/> and
/// <see cref="RecordFill"/>, which return what must be stored (docs/orders.md, "Lifecycle").
/// <see cref="Price"/> is the price the order was sized with (a guide); a limit order never trades
/// worse than <see cref="LimitPrice"/>.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid AccountId { get; set; }

    public Guid InstrumentId { get; set; }

    public TradeSide Side { get; set; }

    public OrderType Type { get; set; } = OrderType.Market;

    public decimal Quantity { get; set; }

    public decimal Price { get; set; }

    /// <summary>The worst price a limit order accepts (highest for a buy, lowest for a sale); null for a market order.</summary>
    public decimal? LimitPrice { get; set; }

    /// <summary>The lots a sale should relieve (specific identification), as JSON; null for a buy.</summary>
    public string? LotsJson { get; set; }

    public Guid? ProposalId { get; set; }

    /// <summary>Which broker executes it (<see cref="BrokerNames"/>), copied from the account when placed.</summary>
    public string Broker { get; set; } = BrokerNames.Paper;

    /// <summary>The broker's id for the order once submitted.</summary>
    public string? BrokerOrderId { get; set; }

    /// <summary>The caller's Idempotency-Key: a retry with the same key in the account answers this order.</summary>
    public string? IdempotencyKey { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Pending;

    /// <summary>Units filled so far (the sum of the fills).</summary>
    public decimal FilledQuantity { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public decimal RemainingQuantity => Quantity - FilledQuantity;

    public bool IsOpen => Status is OrderStatus.Pending or OrderStatus.Submitted or OrderStatus.PartiallyFilled;

    /// <summary>Whether the order may move from its status to <paramref name="to"/>.</summary>
    public bool CanMoveTo(OrderStatus to) => OrderLifecycle.Allows(Status, to);

    /// <summary>
    /// The one way the status changes: checks the lifecycle and returns the transition to store.
    /// Throws on a move the lifecycle forbids (a caller checks <see cref="CanMoveTo"/> first where a
    /// refusal is an answer, e.g. cancelling a filled order).
    /// </summary>
    public OrderTransition TransitionTo(OrderStatus to, string reason, DateTimeOffset atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!CanMoveTo(to))
        {
            throw new InvalidOperationException($"Order {Id} cannot move from {Status} to {to}.");
        }

        var transition = new OrderTransition { OrderId = Id, From = Status, To = to, Reason = reason, AtUtc = atUtc };
        Status = to;
        UpdatedUtc = atUtc;
        return transition;
    }

    /// <summary>
    /// A fill of <paramref name="quantity"/> units: adds to <see cref="FilledQuantity"/> and returns the
    /// fill and the move to <see cref="OrderStatus.PartiallyFilled"/> or <see cref="OrderStatus.Filled"/>
    /// (null when a further partial fill leaves the status as it was).
    /// </summary>
    public (OrderFill Fill, OrderStatus? NewStatus) RecordFill(decimal quantity, decimal price, decimal fees, DateOnly tradeDate, DateTimeOffset atUtc)
    {
        if (Status is not (OrderStatus.Submitted or OrderStatus.PartiallyFilled))
        {
            throw new InvalidOperationException($"Order {Id} is {Status}: only a submitted order fills.");
        }

        if (quantity <= 0m || quantity > RemainingQuantity)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"A fill is more than 0 and at most the {RemainingQuantity} units left.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(fees);
        FilledQuantity += quantity;
        var fill = new OrderFill { OrderId = Id, Quantity = quantity, Price = price, Fees = fees, TradeDate = tradeDate, AtUtc = atUtc };
        var next = FilledQuantity == Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        return (fill, next == Status ? null : next);
    }
}

public enum OrderType
{
    Market,
    Limit,
}

/// <summary>Stored by name; <c>Failed</c> of earlier versions is now <see cref="Rejected"/>.</summary>
public enum OrderStatus
{
    Pending,
    Submitted,
    PartiallyFilled,
    Filled,
    Cancelled,
    Rejected,
    Expired,
}

public static class BrokerNames
{
    public const string Paper = "paper";
    public const string InteractiveBrokers = "ibkr";

    public static bool IsKnown(string name) => name is Paper or InteractiveBrokers;
}
