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

/// <summary>One portfolio (several for a frontier), or the failure.</summary>
public sealed record OptimizationOutcome(IReadOnlyList<OptimizedPortfolio> Portfolios, OptimizationFailure? Failure)
{
    public bool Succeeded => Failure is null;
}
