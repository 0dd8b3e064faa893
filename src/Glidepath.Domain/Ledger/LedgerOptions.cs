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

    /// <summary>
    /// Replays without the wash-sale rule: for callers that need quantities and cash only, and for
    /// comparisons with and without the rule.
    /// </summary>
    public static LedgerOptions WithoutWashSales { get; } = new([]) { ApplyWashSales = false };

    /// <summary>Whether loss sales matched by replacement purchases are adjusted (IRS Publication 550).</summary>
    public bool ApplyWashSales { get; init; } = true;

    internal SubstantiallyIdenticalSecurities Identical() => new(Instruments, SubstantiallyIdentical);
}
