using Glidepath.Domain.Orders;

namespace Glidepath.Domain.Rebalancing;

/// <summary>An accepted trade not yet executed (<see cref="OrderStatus.Pending"/> or <see cref="OrderStatus.Submitted"/>).</summary>
/// <param name="Lots">The lots a sale relieves (specific identification); empty for a buy or a sale without them.</param>
public sealed record PendingOrder(Guid Id, Guid AccountId, Guid InstrumentId, TradeSide Side, decimal Quantity, decimal Price, IReadOnlyList<LotSale> Lots);

/// <summary>
/// Pending orders count as done when a new proposal is made: the snapshot is moved to the holdings and
/// cash the orders will leave (a buy adds a lot at its price, dated the snapshot's day, and takes the
/// cash; a sale relieves its named lots, else the oldest, and brings the cash), and a pending buy is a
/// purchase for the wash-sale guard. So a preview made while orders wait does not propose them again
/// (docs/rebalancing.md, "Pending orders").
/// </summary>
public static class PendingOrders
{
    public static PortfolioSnapshot Apply(PortfolioSnapshot snapshot, IEnumerable<PendingOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(orders);
        // An order for an instrument the snapshot has no price for cannot be valued; it is left out.
        var priced = snapshot.Instruments.Select(i => i.Id).ToHashSet();
        var byAccount = orders.Where(o => priced.Contains(o.InstrumentId)).GroupBy(o => o.AccountId).ToDictionary(g => g.Key, g => g.ToList());
        if (byAccount.Count == 0)
        {
            return snapshot;
        }

        var accounts = snapshot.Accounts.Select(a => byAccount.TryGetValue(a.Id, out var pending) ? Apply(a, pending, snapshot.AsOf) : a).ToList();
        var included = snapshot.Accounts.Select(a => a.Id).ToHashSet();
        var buys = byAccount.Values.SelectMany(o => o)
            .Where(o => o.Side == TradeSide.Buy && included.Contains(o.AccountId))
            .Select(o => new SnapshotTrade(o.AccountId, o.InstrumentId, snapshot.AsOf, TradeSide.Buy, o.Quantity));
        return snapshot with { Accounts = accounts, RecentAndScheduledTrades = [.. snapshot.RecentAndScheduledTrades, .. buys] };
    }

    private static SnapshotAccount Apply(SnapshotAccount account, List<PendingOrder> orders, DateOnly asOf)
    {
        var lots = account.Lots.ToList();
        var cash = account.Cash;
        foreach (var order in orders)
        {
            var amount = order.Quantity * order.Price;
            if (order.Side == TradeSide.Buy)
            {
                lots.Add(new SnapshotLot(order.Id, order.InstrumentId, asOf, order.Quantity, amount));
                cash -= amount;
                continue;
            }

            var left = order.Quantity;
            foreach (var sale in order.Lots)
            {
                left -= Relieve(lots, lots.FindIndex(l => l.LotId == sale.LotId), Math.Min(sale.Quantity, left));
            }

            // Without named lots (or where they no longer hold enough), the oldest lots of the instrument.
            while (left > 0m)
            {
                var oldest = lots.Select((l, index) => (l, index))
                    .Where(x => x.l.InstrumentId == order.InstrumentId && x.l.Quantity > 0m)
                    .OrderBy(x => x.l.AcquiredDate).ThenBy(x => x.l.LotId)
                    .Select(x => x.index).DefaultIfEmpty(-1).First();
                if (oldest < 0)
                {
                    break;
                }

                left -= Relieve(lots, oldest, left);
            }

            cash += (order.Quantity - left) * order.Price;
        }

        return account with { Cash = cash, Lots = [.. lots.Where(l => l.Quantity > 0m)] };
    }

    /// <summary>Takes up to <paramref name="quantity"/> from the lot at <paramref name="index"/> (its basis pro rata); returns what it took.</summary>
    private static decimal Relieve(List<SnapshotLot> lots, int index, decimal quantity)
    {
        if (index < 0 || quantity <= 0m)
        {
            return 0m;
        }

        var lot = lots[index];
        var taken = Math.Min(lot.Quantity, quantity);
        var remaining = lot.Quantity - taken;
        lots[index] = lot with { Quantity = remaining, CostBasis = remaining == 0m ? 0m : lot.CostBasis * remaining / lot.Quantity };
        return taken;
    }
}
