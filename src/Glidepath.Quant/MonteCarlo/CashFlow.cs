namespace Glidepath.Quant.MonteCarlo;

public enum CashFlowKind
{
    Contribution,
    Withdrawal,
}

public enum CashFlowFrequency
{
    Monthly,
    Annual,
    Once,
}

/// <summary>How a contribution counts for income tax when the run models taxes (ignored otherwise).</summary>
public enum IncomeTaxation
{
    /// <summary>Not income (after-tax saving, a gift, a withdrawal).</summary>
    None,

    /// <summary>Wages, a pension: ordinary income in the year paid.</summary>
    Ordinary,

    /// <summary>Social Security benefits: taxable in part by IRS Pub. 915.</summary>
    SocialSecurity,
}

/// <summary>
/// A contribution or withdrawal paid at the start of months StartMonth..EndMonth (inclusive;
/// annual: StartMonth, StartMonth+12, ...; once: StartMonth only). An inflation-indexed amount is
/// in today's money: its nominal value in month t is Amount (1+inflation)^(t/12). <see cref="Taxation"/>
/// says how a contribution counts for income tax in a run with <see cref="SimulationInput.Taxes"/>.
/// </summary>
public sealed record CashFlow(
    CashFlowKind Kind,
    double Amount,
    int StartMonth,
    int EndMonth,
    CashFlowFrequency Frequency = CashFlowFrequency.Monthly,
    bool InflationIndexed = false,
    IncomeTaxation Taxation = IncomeTaxation.None)
{
    /// <summary>Whether the flow is paid at the start of <paramref name="month"/>.</summary>
    public bool PaysIn(int month) => month >= StartMonth && month <= EndMonth && Frequency switch
    {
        CashFlowFrequency.Monthly => true,
        CashFlowFrequency.Annual => (month - StartMonth) % 12 == 0,
        _ => month == StartMonth,
    };
}
