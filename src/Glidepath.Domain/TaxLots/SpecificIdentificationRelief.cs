using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.TaxLots;

/// <summary>Takes the named lots first, then any unnamed remainder FIFO.</summary>
internal sealed class SpecificIdentificationRelief(OrderedLotRelief remainder) : ILotReliefPolicy
{
    public LotReliefPlan Select(LotReliefRequest request)
    {
        var lots = request.Lots;
        var available = lots.Select(l => l.Quantity).ToArray();
        var takes = new List<LotTake>();
        var named = 0m;

        foreach (var selection in request.Selections)
        {
            var index = FindLot(lots, selection.LotId);
            if (index < 0)
            {
                return LotReliefPlan.Fail(LedgerErrorCodes.UnknownLot, $"Lot {selection.LotId} is not open in this account and instrument.");
            }

            if (selection.Quantity > available[index])
            {
                return LotReliefPlan.Fail(
                    LedgerErrorCodes.InsufficientQuantity,
                    $"Lot {selection.LotId} holds {available[index]} units; {selection.Quantity} were named.");
            }

            available[index] -= selection.Quantity;
            named += selection.Quantity;
            takes.Add(new LotTake(index, selection.Quantity));
        }

        if (named > request.Quantity)
        {
            return LotReliefPlan.Fail(
                LedgerErrorCodes.InvalidTransaction,
                $"The lot selections name {named} units but the transaction relieves {request.Quantity}.");
        }

        takes.AddRange(remainder.TakeInOrder(lots, request.Quantity - named, available));
        return new LotReliefPlan(takes);
    }

    private static int FindLot(IReadOnlyList<OpenLot> lots, Guid lotId)
    {
        for (var i = 0; i < lots.Count; i++)
        {
            if (lots[i].LotId == lotId)
            {
                return i;
            }
        }

        return -1;
    }
}
