namespace Glidepath.Quant.Optimization;

/// <summary>Outcome of a portfolio optimisation.</summary>
public enum PortfolioStatus
{
    Optimal,

    /// <summary>The constraints cannot all hold; <see cref="PortfolioResult.ConflictingConstraints"/> names them.</summary>
    Infeasible,

    /// <summary>The objective cannot be met (e.g. a target return or volatility out of reach); see the message.</summary>
    Unattainable,

    /// <summary>The solver hit its iteration limit.</summary>
    NotConverged,
}

/// <summary>
/// Weights and their expected return, volatility and Sharpe ratio, in the units of the inputs
/// (periodic unless the caller annualised μ and Σ). The Sharpe ratio uses the risk-free rate of
/// the objective that took one (maximum Sharpe) and zero otherwise.
/// </summary>
public sealed record PortfolioResult(
    PortfolioStatus Status,
    double[] Weights,
    double ExpectedReturn,
    double Volatility,
    double SharpeRatio,
    IReadOnlyList<string> ConflictingConstraints,
    string? Message)
{
    public bool IsOptimal => Status == PortfolioStatus.Optimal;

    internal static PortfolioResult Failed(PortfolioStatus status, string message, IReadOnlyList<string>? conflicting = null) =>
        new(status, [], double.NaN, double.NaN, double.NaN, conflicting ?? [], message);
}
