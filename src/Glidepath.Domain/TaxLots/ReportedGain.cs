using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.TaxLots;

/// <summary>
/// A realised gain as it is reported (the Tax page, <c>realized-gains</c>, Form 8949, the CLI): proceeds,
/// cost basis and the disallowed loss each rounded to cents half away from zero, and the gain computed
/// from the rounded columns, so a row adds up as printed. Totals are sums of these rounded rows, as
/// Form 8949's totals are, never a rounding of the exact sum (docs/wash-sales.md, "Rounding").
/// </summary>
public sealed record ReportedGain(RealisedGain Sale, bool Taxable)
{
    public decimal Proceeds { get; } = Cents(Sale.Proceeds);

    public decimal CostBasis { get; } = Cents(Sale.CostBasis);

    public decimal DisallowedLoss { get; } = Cents(Sale.DisallowedLoss);

    public decimal Gain => Proceeds - CostBasis;

    /// <summary>Form 8949's column (h): the gain plus the adjustment (the disallowed loss).</summary>
    public decimal ReportableGain => Gain + DisallowedLoss;

    public HoldingTerm Term => Sale.Term;

    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Each gain rounded as reported; <paramref name="taxableAccounts"/> says which accounts' sales are taxed when realised.</summary>
    public static IReadOnlyList<ReportedGain> From(IEnumerable<RealisedGain> gains, IReadOnlySet<Guid> taxableAccounts)
    {
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentNullException.ThrowIfNull(taxableAccounts);
        return [.. gains.Select(g => new ReportedGain(g, taxableAccounts.Contains(g.AccountId)))];
    }
}

/// <summary>Sums of reported (rounded) rows: short- and long-term gain, the disallowed loss and the reportable gain.</summary>
public sealed record GainTotals(decimal ShortTermGain, decimal LongTermGain, decimal DisallowedLoss, decimal ReportableGain)
{
    public static GainTotals Of(IEnumerable<ReportedGain> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyCollection<ReportedGain> ?? [.. rows];
        return new GainTotals(
            list.Where(r => r.Term == HoldingTerm.ShortTerm).Sum(r => r.Gain),
            list.Where(r => r.Term == HoldingTerm.LongTerm).Sum(r => r.Gain),
            list.Sum(r => r.DisallowedLoss),
            list.Sum(r => r.ReportableGain));
    }
}
