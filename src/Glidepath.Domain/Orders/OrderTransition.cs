namespace Glidepath.Domain.Orders;

/// <summary>One change of an order's status, with when and why (table <c>order_transitions</c>).</summary>
public sealed class OrderTransition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public OrderStatus From { get; set; }

    public OrderStatus To { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset AtUtc { get; set; }
}
