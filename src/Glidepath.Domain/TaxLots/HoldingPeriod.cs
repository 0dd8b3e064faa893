using Glidepath.Domain.Ledger;

namespace Glidepath.Domain.TaxLots;

/// <summary>
/// IRS Publication 550 ("Holding Period"): counting starts the day after acquisition and the
/// disposal day is included; property held more than one year is long-term. So a lot sold on
/// the anniversary of its purchase is short-term, the day after is long-term. An acquisition on
/// 29 February has its anniversary on 28 February (DateOnly.AddYears), so long-term starts 1 March.
/// </summary>
public static class HoldingPeriod
{
    public static HoldingTerm Classify(DateOnly acquired, DateOnly disposed) =>
        disposed > acquired.AddYears(1) ? HoldingTerm.LongTerm : HoldingTerm.ShortTerm;
}
