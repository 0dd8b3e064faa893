using System.Globalization;
using Glidepath.Domain.Households;
using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.Orders;

/// <summary>
/// What is asked to trade, however it was asked (the API, an accepted rebalance proposal, an accepted
/// harvest suggestion): one rule for what is valid and one way an order is made from it.
/// </summary>
/// <param name="Price">The price the order was sized with (the proposal's, the last close, or the limit); a guide.</param>
/// <param name="Lots">The lots a sale relieves (specific identification); empty for a buy or when the account's method chooses.</param>
public sealed record OrderTicket(
    Guid AccountId, Guid InstrumentId, TradeSide Side, decimal Quantity, OrderType Type, decimal? LimitPrice, decimal Price, IReadOnlyList<LotSale> Lots)
{
    /// <summary>Field errors (JSON field name, message); empty when the ticket is valid.</summary>
    public IReadOnlyList<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(Side))
        {
            errors.Add(("side", "The side is buy or sell."));
        }

        if (!Enum.IsDefined(Type))
        {
            errors.Add(("type", "The type is market or limit."));
        }

        if (Quantity <= 0m)
        {
            errors.Add(("quantity", "The quantity is more than 0."));
        }

        if (Type == OrderType.Limit && LimitPrice is not > 0m)
        {
            errors.Add(("limitPrice", "A limit order needs a limit price more than 0."));
        }

        if (Type == OrderType.Market && LimitPrice is not null)
        {
            errors.Add(("limitPrice", "A market order has no limit price."));
        }

        if (Side == TradeSide.Buy && Lots.Count > 0)
        {
            errors.Add(("lots", "Only a sale names lots."));
        }

        if (Lots.Sum(l => l.Quantity) > Quantity)
        {
            errors.Add(("lots", string.Create(CultureInfo.InvariantCulture, $"The lots name more than the {Quantity} units sold.")));
        }

        return errors;
    }

    /// <summary>A pending order for <paramref name="account"/> (the ticket is valid), executed by the account's broker.</summary>
    public Order ToOrder(Account account, Guid? proposalId, string? idempotencyKey, string lotsJson, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new Order
        {
            HouseholdId = account.HouseholdId,
            AccountId = AccountId,
            InstrumentId = InstrumentId,
            Side = Side,
            Type = Type,
            Quantity = Quantity,
            LimitPrice = LimitPrice,
            Price = Price,
            LotsJson = Lots.Count == 0 ? null : lotsJson,
            ProposalId = proposalId,
            Broker = account.Broker,
            IdempotencyKey = idempotencyKey,
            Status = OrderStatus.Pending,
            CreatedUtc = nowUtc,
            UpdatedUtc = nowUtc,
        };
    }
}
