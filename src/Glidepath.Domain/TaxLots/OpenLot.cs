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
}

/// <summary>A piece cut from a lot by a sale, transfer or cash in lieu.</summary>
internal readonly record struct LotPiece(Guid LotId, DateOnly AcquiredDate, decimal Quantity, decimal CostBasis);
