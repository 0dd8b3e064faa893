using Glidepath.Domain.Portfolios;

namespace Glidepath.Server.Optimization;

/// <summary>
/// <c>POST /api/optimize</c>: the options of <c>glidepath optimize</c> as JSON (docs/server-and-cli.md).
/// </summary>
/// <param name="Assets">Asset names, one per column of <paramref name="Data"/>.</param>
/// <param name="Data">Rows are periods (oldest first), one value per asset.</param>
/// <param name="Input">returns (simple periodic returns, the default) or prices (turned into simple returns).</param>
/// <param name="Objective">min-variance | max-sharpe | target-return | target-volatility | risk-parity | frontier.</param>
/// <param name="Covariance">sample (default) | ewma | ledoit-wolf-cc | ledoit-wolf-identity.</param>
/// <param name="Bounds">Per-asset bounds by name, overriding minWeight/maxWeight.</param>
/// <param name="Groups">Bounds on the summed weight of named groups of assets.</param>
/// <param name="Evaluate">Given portfolios (weights by asset, ≥ 0, summing to at most 1, the rest at <paramref name="RiskFree"/>) to place beside the result under the same μ and Σ.</param>
public sealed record OptimizeRequest(
    IReadOnlyList<string>? Assets,
    IReadOnlyList<IReadOnlyList<double>>? Data,
    string? Input,
    string? Objective,
    string? Covariance,
    double? RiskFree,
    double? Target,
    double? MinWeight,
    double? MaxWeight,
    Dictionary<string, AssetBounds>? Bounds,
    IReadOnlyList<GroupBounds>? Groups,
    int? Points,
    int? PeriodsPerYear,
    IReadOnlyList<PortfolioToEvaluate>? Evaluate = null);

/// <summary>One portfolio, or the frontier's points from the minimum-variance one to the maximum-return one; <c>evaluated</c> answers the request's <c>evaluate</c>, in its order.</summary>
public sealed record OptimizeResponse(string Objective, IReadOnlyList<OptimizedPortfolio> Portfolios, IReadOnlyList<EvaluatedPortfolio> Evaluated);
