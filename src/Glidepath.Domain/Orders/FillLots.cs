using Glidepath.Domain.Rebalancing;

namespace Glidepath.Domain.Orders;

/// <summary>
/// Which of a sale order's named lots (specific identification, as the proposal chose them) a fill
/// relieves: the lots in the order given, each less what earlier fills took, up to the fill's quantity.
/// Units the named lots do not cover are left to the account's relief method.
/// </summary>
public static class FillLots
{
    public static IReadOnlyList<LotSale> For(IReadOnlyList<LotSale> named, decimal alreadyFilled, decimal fillQuantity)
    {
        ArgumentNullException.ThrowIfNull(named);
        var skip = alreadyFilled;
        var left = fillQuantity;
        var chosen = new List<LotSale>();
        foreach (var lot in named)
        {
            var available = lot.Quantity;
            var skipped = Math.Min(skip, available);
            skip -= skipped;
            available -= skipped;
            var take = Math.Min(available, left);
            if (take > 0m)
            {
                chosen.Add(lot with { Quantity = take });
                left -= take;
            }
        }

        return chosen;
    }
}
