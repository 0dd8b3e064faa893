using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLots.WashSales;

namespace Glidepath.Domain.Ledger;

/// <summary>
/// What the replay needs beyond accounts and transactions. <paramref name="Instruments"/> lets
/// instruments sharing an ISIN count as substantially identical; <paramref name="SubstantiallyIdentical"/>
/// is the household's own table of pairs.
/// </summary>
public sealed record LedgerOptions(IReadOnlyList<Instrument> Instruments, IReadOnlyList<SubstantiallyIdenticalPair>? SubstantiallyIdentical = null)
{
    /// <summary>No instruments known: a security is substantially identical only to itself.</summary>
    public static LedgerOptions Default { get; } = new([]);

    internal SubstantiallyIdenticalSecurities Identical() => new(Instruments, SubstantiallyIdentical);
}
