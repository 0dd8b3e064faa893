namespace Glidepath.Domain.TaxLots;

/// <summary>FIFO, LIFO and HIFO: walk the lots in one order and take until the quantity is met.</summary>
internal sealed class OrderedLotRelief(Comparison<OpenLot> order) : ILotReliefPolicy
{
    /// <summary>Oldest first; same-day lots by id, which is also the replay's in-day order.</summary>
    public static readonly Comparison<OpenLot> FirstIn = (a, b) =>
    {
        var byDate = a.AcquiredDate.CompareTo(b.AcquiredDate);
        return byDate != 0 ? byDate : a.LotId.CompareTo(b.LotId);
    };

    public static readonly Comparison<OpenLot> LastIn = (a, b) => FirstIn(b, a);

    /// <summary>Highest unit cost first; equal costs fall back to FIFO.</summary>
    public static readonly Comparison<OpenLot> HighestCost = (a, b) =>
    {
        var byCost = b.UnitCost.CompareTo(a.UnitCost);
        return byCost != 0 ? byCost : FirstIn(a, b);
    };

    public LotReliefPlan Select(LotReliefRequest request) =>
        new(TakeInOrder(request.Lots, request.Quantity, request.Lots.Select(l => l.Quantity).ToArray()));

    /// <summary>Takes <paramref name="quantity"/> from <paramref name="available"/> (units left per lot) in this policy's order.</summary>
    public List<LotTake> TakeInOrder(IReadOnlyList<OpenLot> lots, decimal quantity, decimal[] available)
    {
        var indices = Enumerable.Range(0, lots.Count).ToArray();
        Array.Sort(indices, (x, y) => order(lots[x], lots[y]));

        var takes = new List<LotTake>();
        var remaining = quantity;
        foreach (var index in indices)
        {
            if (remaining == 0m)
            {
                break;
            }

            var take = Math.Min(remaining, available[index]);
            if (take > 0m)
            {
                takes.Add(new LotTake(index, take));
                remaining -= take;
            }
        }

        return takes;
    }
}
