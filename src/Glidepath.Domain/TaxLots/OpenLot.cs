namespace Glidepath.Domain.TaxLots;

/// <summary>
/// A lot while the ledger is being replayed: mutable so a sale or split can change it in place.
/// Basis is in the account's base currency and is never rounded.
/// </summary>
internal sealed class OpenLot(Guid lotId, DateOnly acquiredDate, decimal quantity, decimal costBasis)
{
    public Guid LotId { get; } = lotId;

    public DateOnly AcquiredDate { get; } = acquiredDate;

    public decimal Quantity { get; set; } = quantity;

    public decimal CostBasis { get; set; } = costBasis;

    /// <summary>Where the holding period starts: the acquisition date, moved back when a wash sale tacks on a sold lot's holding period.</summary>
    public DateOnly HoldingStart { get; set; } = acquiredDate;

    /// <summary>Units already used as wash-sale replacements (each replacement unit serves one wash sale only).</summary>
    public decimal ReplacementUsed { get; set; }

    public decimal UnitCost => CostBasis / Quantity;

    /// <summary>
    /// Removes <paramref name="quantity"/> units and returns the basis they carry (pro rata).
    /// Taking the whole lot takes its whole basis, so basis is conserved exactly.
    /// </summary>
    public decimal Take(decimal quantity)
    {
        var basis = quantity == Quantity ? CostBasis : CostBasis * quantity / Quantity;
        Quantity -= quantity;
        CostBasis -= basis;
        return basis;
    }

    /// <summary>Cuts <paramref name="quantity"/> units off as a piece; used replacement units leave first.</summary>
    public LotPiece Cut(decimal quantity)
    {
        var used = Math.Min(ReplacementUsed, quantity);
        ReplacementUsed -= used;
        return new LotPiece(LotId, AcquiredDate, quantity, Take(quantity), HoldingStart, used);
    }
}

/// <summary>A piece cut from a lot by a sale, transfer or cash in lieu.</summary>
internal readonly record struct LotPiece(
    Guid LotId, DateOnly AcquiredDate, decimal Quantity, decimal CostBasis, DateOnly HoldingStart, decimal ReplacementUsed = 0m);
