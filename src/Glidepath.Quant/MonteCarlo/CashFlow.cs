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

/// <summary>
/// A contribution or withdrawal paid at the start of months StartMonth..EndMonth (inclusive;
/// annual: StartMonth, StartMonth+12, ...; once: StartMonth only). An inflation-indexed amount is
/// in today's money: its nominal value in month t is Amount (1+inflation)^(t/12).
/// </summary>
public sealed record CashFlow(
    CashFlowKind Kind,
    double Amount,
    int StartMonth,
    int EndMonth,
    CashFlowFrequency Frequency = CashFlowFrequency.Monthly,
    bool InflationIndexed = false)
{
    /// <summary>Whether the flow is paid at the start of <paramref name="month"/>.</summary>
    public bool PaysIn(int month) => month >= StartMonth && month <= EndMonth && Frequency switch
    {
        CashFlowFrequency.Monthly => true,
        CashFlowFrequency.Annual => (month - StartMonth) % 12 == 0,
        _ => month == StartMonth,
    };
}
