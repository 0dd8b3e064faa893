using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;

namespace Glidepath.Application.RealisedGains;

/// <summary>
/// Gains by sale date. The totals are the taxable accounts' (reportable); sales in tax-advantaged
/// accounts (IRA, Roth, 401(k), HSA, 529) are listed with <c>Taxable = false</c> and summed apart.
/// Every amount is rounded as reported and totals are sums of the rounded rows (docs/wash-sales.md).
/// </summary>
public sealed record RealisedGainsDto(
    DateOnly? From,
    DateOnly? To,
    decimal ShortTermGain,
    decimal LongTermGain,
    GainTotalsDto TaxAdvantaged,
    IReadOnlyList<RealisedGainDto> Gains);

public sealed record RealisedGainDto(
    Guid AccountId,
    Guid InstrumentId,
    string Symbol,
    Guid SaleTransactionId,
    Guid LotId,
    DateOnly AcquiredDate,
    DateOnly SoldDate,
    decimal Quantity,
    decimal Proceeds,
    decimal CostBasis,
    decimal Gain,
    HoldingTerm Term,
    decimal DisallowedLoss,
    DateOnly? HoldingPeriodStart,
    string? Code,
    bool Taxable)
{
    public static RealisedGainDto From(ReportedGain g, IReadOnlyDictionary<Guid, string> symbols)
    {
        var s = g.Sale;
        return new RealisedGainDto(s.AccountId, s.InstrumentId, symbols[s.InstrumentId], s.SaleTransactionId, s.LotId, s.AcquiredDate, s.SoldDate,
            s.Quantity, g.Proceeds, g.CostBasis, g.Gain, g.Term, g.DisallowedLoss, s.HoldingPeriodStart, g.DisallowedLoss > 0m ? "W" : null, g.Taxable);
    }
}

/// <summary>Sums of rounded rows (<see cref="GainTotals"/>).</summary>
public sealed record GainTotalsDto(decimal ShortTermGain, decimal LongTermGain, decimal DisallowedLoss, decimal ReportableGain)
{
    public static GainTotalsDto From(GainTotals t) => new(t.ShortTermGain, t.LongTermGain, t.DisallowedLoss, t.ReportableGain);
}

/// <summary>
/// A tax year's gains (<c>realized-gains?year=</c>). The totals are the taxable accounts' only;
/// <paramref name="ReportableGain"/> is their gain less the disallowed losses; tax-advantaged sales are
/// summed in <paramref name="TaxAdvantaged"/>.
/// </summary>
public sealed record RealizedGainsYearDto(
    int Year,
    decimal ShortTermGain,
    decimal LongTermGain,
    decimal DisallowedLoss,
    decimal ReportableGain,
    GainTotalsDto TaxAdvantaged,
    IReadOnlyList<RealisedGainDto> Gains);
