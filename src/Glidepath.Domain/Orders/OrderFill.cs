namespace Glidepath.Domain.Orders;

/// <summary>
/// An execution of (part of) an order, as the broker reported it, and the ledger transaction it was
/// booked as (table <c>order_fills</c>). Price and fees in the account's currency.
/// </summary>
public sealed class OrderFill
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public decimal Quantity { get; set; }

    public decimal Price { get; set; }

    public decimal Fees { get; set; }

    /// <summary>The trading day of the execution (the ledger transaction's trade date).</summary>
    public DateOnly TradeDate { get; set; }

    public DateTimeOffset AtUtc { get; set; }

    /// <summary>The buy or sell transaction the fill was booked as.</summary>
    public Guid TransactionId { get; set; }
}
