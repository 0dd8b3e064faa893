using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;

namespace Glidepath.Application.Orders;

/// <summary><c>POST /api/accounts/{accountId}/orders</c>: side <c>buy</c>|<c>sell</c>, type <c>market</c>|<c>limit</c>; a limit order names its limit price.</summary>
public sealed record PlaceOrderRequest(Guid InstrumentId, TradeSide? Side, decimal Quantity, OrderType? Type, decimal? LimitPrice = null);

/// <summary>An order with its history: every status change and every fill, oldest first.</summary>
public sealed record OrderDetails(Order Order, IReadOnlyList<OrderTransition> Transitions, IReadOnlyList<OrderFill> Fills);

/// <summary>The order a POST placed, or the one an earlier POST with the same Idempotency-Key placed (<see cref="Created"/> false).</summary>
public sealed record PlacedOrder(OrderDetails Details, bool Created);
