namespace Glidepath.Domain.Portfolios;

/// <summary>Weights by asset name with μᵀw, σ and (μᵀw − r_f)/σ in the spec's units.</summary>
public sealed record OptimizedPortfolio(IReadOnlyDictionary<string, double> Weights, double ExpectedReturn, double Volatility, double Sharpe);

/// <summary>
/// Why no portfolio came back. <see cref="Code"/> is stable: invalid-input (the request itself is
/// wrong; <see cref="Field"/> names the option), infeasible (the constraints cannot all hold;
/// <see cref="ConflictingConstraints"/> names them), unattainable (the objective is out of reach),
/// not-converged.
/// </summary>
public sealed record OptimizationFailure(string Code, string Message, IReadOnlyList<string> ConflictingConstraints, string? Field = null)
{
    public const string InvalidInput = "invalid-input";
    public const string Infeasible = "infeasible";
    public const string Unattainable = "unattainable";
    public const string NotConverged = "not-converged";
}

/// <summary>
/// A given portfolio under the spec's μ and Σ: μᵀw + (1 − Σw)·r_f, √(wᵀΣw), and the Sharpe ratio
/// (null when the volatility is zero). <paramref name="RiskFreeWeight"/> is 1 − Σw.
/// </summary>
public sealed record EvaluatedPortfolio(string Name, double ExpectedReturn, double Volatility, double? Sharpe, double RiskFreeWeight);

/// <summary>One portfolio (several for a frontier) and the spec's evaluated portfolios, or the failure.</summary>
public sealed record OptimizationOutcome(IReadOnlyList<OptimizedPortfolio> Portfolios, OptimizationFailure? Failure, IReadOnlyList<EvaluatedPortfolio>? Evaluated = null)
{
    public bool Succeeded => Failure is null;
}
