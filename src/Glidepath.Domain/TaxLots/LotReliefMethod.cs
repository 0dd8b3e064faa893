namespace Glidepath.Domain.TaxLots;

/// <summary>How a sale or transfer out picks the lots it relieves (see docs/ledger.md).</summary>
public enum LotReliefMethod
{
    /// <summary>First in, first out: oldest acquisition date first.</summary>
    Fifo,

    /// <summary>Last in, first out: newest acquisition date first.</summary>
    Lifo,

    /// <summary>Highest cost per unit first (minimises realised gain).</summary>
    Hifo,

    /// <summary>The lots the transaction names; falls back to FIFO for any quantity it leaves unnamed.</summary>
    SpecificIdentification,

    /// <summary>Average cost: every unit relieved carries the pool's average basis; holding period FIFO.</summary>
    AverageCost,
}
