namespace Glidepath.Domain.Orders;

/// <summary>
/// The moves an order may make: pending → submitted → partially filled → filled, or out to
/// cancelled, rejected or expired while it is open. Filled, cancelled, rejected and expired are final.
/// A partially filled order that is cancelled keeps its fills.
/// </summary>
public static class OrderLifecycle
{
    public static bool Allows(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.Submitted or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired) => true,
        (OrderStatus.Submitted, OrderStatus.PartiallyFilled or OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired) => true,
        (OrderStatus.PartiallyFilled, OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired) => true,
        _ => false,
    };

    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;
}
