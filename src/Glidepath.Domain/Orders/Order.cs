using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.Orders;

/// <summary>
/// An order to trade, made from an accepted proposal. The broker issue executes orders; until then they
/// stay <see cref="OrderStatus.Pending"/>. <see cref="Price"/> is the price the proposal used (a guide,
/// not a limit).
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid AccountId { get; set; }

    public Guid InstrumentId { get; set; }

    public TradeSide Side { get; set; }

    public decimal Quantity { get; set; }

    public decimal Price { get; set; }

    /// <summary>The lots a sale should relieve (specific identification), as JSON; null for a buy.</summary>
    public string? LotsJson { get; set; }

    public Guid? ProposalId { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Pending;

    public DateTimeOffset CreatedUtc { get; set; }
}

public enum OrderStatus
{
    Pending,
    Submitted,
    Filled,
    Cancelled,
    Failed,
}
