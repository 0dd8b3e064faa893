using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.TaxLots;

/// <summary>Chooses which lots (and how many units of each) a sale, transfer out or cash in lieu relieves.</summary>
internal interface ILotReliefPolicy
{
    /// <summary>Runs before selection; average cost spreads the pool's basis evenly here.</summary>
    void Prepare(IReadOnlyList<OpenLot> lots)
    {
    }

    LotReliefPlan Select(LotReliefRequest request);
}

/// <param name="Lots">The account's open lots in the instrument.</param>
/// <param name="Quantity">Units to relieve; the caller has checked that at least this many are held.</param>
/// <param name="Selections">Lots the transaction names (specific identification).</param>
internal sealed record LotReliefRequest(IReadOnlyList<OpenLot> Lots, decimal Quantity, IReadOnlyList<LotSelection> Selections);

internal readonly record struct LotTake(int LotIndex, decimal Quantity);

/// <summary>The lots to take from, or why none can be taken (an error code of <see cref="Ledger.LedgerErrorCodes"/>).</summary>
internal sealed record LotReliefPlan(IReadOnlyList<LotTake> Takes, string? ErrorCode = null, string? Message = null)
{
    public static LotReliefPlan Fail(string code, string message) => new([], code, message);
}

internal static class LotReliefPolicies
{
    private static readonly OrderedLotRelief Fifo = new(OrderedLotRelief.FirstIn);
    private static readonly OrderedLotRelief Lifo = new(OrderedLotRelief.LastIn);
    private static readonly OrderedLotRelief Hifo = new(OrderedLotRelief.HighestCost);
    private static readonly SpecificIdentificationRelief Specific = new(Fifo);
    private static readonly AverageCostRelief Average = new(Fifo);

    /// <summary>A transaction that names lots is relieved by specific identification whatever the account's method.</summary>
    public static ILotReliefPolicy For(LotReliefMethod method, bool namesLots) => namesLots ? Specific : method switch
    {
        LotReliefMethod.Fifo => Fifo,
        LotReliefMethod.Lifo => Lifo,
        LotReliefMethod.Hifo => Hifo,
        LotReliefMethod.SpecificIdentification => Specific,
        LotReliefMethod.AverageCost => Average,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown lot relief method."),
    };
}
