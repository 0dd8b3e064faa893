namespace Glidepath.Domain.TaxLots;

/// <summary>
/// Average cost: every unit relieved carries the pool's average basis, and the holding period is
/// FIFO. Done by spreading the pool's total basis evenly over its lots before each relief, then
/// relieving FIFO; the pool's total basis is unchanged by the spreading.
/// </summary>
internal sealed class AverageCostRelief(OrderedLotRelief fifo) : ILotReliefPolicy
{
    public void Prepare(IReadOnlyList<OpenLot> lots)
    {
        var totalQuantity = lots.Sum(l => l.Quantity);
        var totalBasis = lots.Sum(l => l.CostBasis);
        var unassigned = totalBasis;
        for (var i = 0; i < lots.Count; i++)
        {
            // The last lot takes the remainder so the pool's basis is conserved exactly.
            var basis = i == lots.Count - 1 ? unassigned : totalBasis * lots[i].Quantity / totalQuantity;
            lots[i].CostBasis = basis;
            unassigned -= basis;
        }
    }

    public LotReliefPlan Select(LotReliefRequest request) => fifo.Select(request);
}
