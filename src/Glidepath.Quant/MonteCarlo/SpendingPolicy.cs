namespace Glidepath.Quant.MonteCarlo;

public enum SpendingRule
{
    /// <summary>AnnualAmount in today's money every year (the "4 % rule" shape).</summary>
    ConstantReal,

    /// <summary>Rate x balance at each policy year start, clamped to [Floor, Ceiling] in today's money.</summary>
    PercentOfPortfolio,

    /// <summary>Guyton and Klinger (2006) decision rules: inflation, capital-preservation and prosperity guardrails.</summary>
    GuytonKlinger,

    /// <summary>Bogleheads variable percentage withdrawal: balance x PMT(real return, years left).</summary>
    VariablePercentage,
}

/// <summary>
/// Withdrawals decided once a year (at StartMonth, StartMonth+12, ...) from each path's balance
/// and paid in twelve equal monthly parts at the start of each month until EndMonth. AnnualAmount,
/// Floor and Ceiling are in today's money; AnnualAmount is also the plan against which spending
/// quality is measured.
/// </summary>
public sealed record SpendingPolicy(SpendingRule Rule, double AnnualAmount, int StartMonth, int EndMonth)
{
    /// <summary>Share of the balance withdrawn each year (PercentOfPortfolio).</summary>
    public double Rate { get; init; } = 0.04;

    /// <summary>Lowest annual spending in today's money (PercentOfPortfolio, VariablePercentage).</summary>
    public double Floor { get; init; }

    /// <summary>Highest annual spending in today's money (PercentOfPortfolio, VariablePercentage).</summary>
    public double Ceiling { get; init; } = double.PositiveInfinity;

    /// <summary>Guardrail width: cut when the withdrawal rate exceeds the initial rate by this share, raise when below by it.</summary>
    public double Guardrail { get; init; } = 0.20;

    /// <summary>Size of a Guyton-Klinger cut or raise.</summary>
    public double Adjustment { get; init; } = 0.10;

    /// <summary>Real return assumed by VPW's PMT (Bogleheads uses the portfolio's expected real return).</summary>
    public double ExpectedRealReturn { get; init; } = 0.035;
}
