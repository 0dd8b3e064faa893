using Glidepath.Domain.Portfolios;
using Glidepath.Quant.Performance;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Optimization;

/// <summary><c>POST /api/optimize</c>: weights from a returns or prices table, through the same Domain call as the CLI.</summary>
public static class OptimizeEndpoints
{
    /// <summary>Bounds on the request so that one call cannot hold the server for minutes.</summary>
    public const int MaxAssets = 1_000;

    public const int MaxCells = 2_000_000;

    public const int MaxEvaluated = 100;

    public static RouteGroupBuilder MapOptimizeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/optimize", Optimize).WithTags("Optimization").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static Results<Ok<OptimizeResponse>, ValidationProblem, UnprocessableProblem> Optimize(OptimizeRequest request)
    {
        var assets = request.Assets ?? [];
        var rows = request.Data ?? [];
        var input = request.Input ?? "returns";
        var errors = new ValidationErrors()
            .Check(assets.Count is > 0 and <= MaxAssets, "assets", $"Give between 1 and {MaxAssets} asset names.")
            .Check(assets.All(a => !string.IsNullOrWhiteSpace(a)), "assets", "Asset names must not be empty.")
            .Check(rows.Count >= 2, "data", "Give at least two rows of data.")
            .Check((long)rows.Count * Math.Max(assets.Count, 1) <= MaxCells, "data", $"At most {MaxCells:N0} values.")
            .Check(input is "returns" or "prices", "input", "Use returns or prices.")
            .Check((request.Evaluate?.Count ?? 0) <= MaxEvaluated, "evaluate", $"At most {MaxEvaluated} portfolios to evaluate.")
            .Check(request.Evaluate?.All(e => e?.Weights is not null) ?? true, "evaluate", "Every portfolio to evaluate needs a name and weights.")
            .Check(request.Objective is not null, "objective", $"Use one of: {string.Join(", ", OptimizationSpec.Objectives)}.");
        var badRow = rows.ToList().FindIndex(r => r is null || r.Count != assets.Count);
        errors.Check(badRow < 0, "data", $"Row {badRow} does not have one value per asset.");
        if (input == "prices" && !errors.HasErrors)
        {
            errors.Check(rows.All(r => r.All(p => p > 0.0)), "data", "Prices must be positive.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var returns = Table(assets.Count, rows, input == "prices");
        var spec = new OptimizationSpec
        {
            Objective = request.Objective!,
            Covariance = request.Covariance ?? "sample",
            RiskFree = request.RiskFree ?? 0.0,
            Target = request.Target,
            MinWeight = request.MinWeight ?? 0.0,
            MaxWeight = request.MaxWeight ?? 1.0,
            Bounds = request.Bounds,
            Groups = request.Groups ?? [],
            Points = request.Points ?? 20,
            PeriodsPerYear = request.PeriodsPerYear,
            Evaluate = request.Evaluate ?? [],
        };
        var outcome = PortfolioOptimization.Run(assets, returns, spec);
        if (outcome.Failure is not { } failure)
        {
            return TypedResults.Ok(new OptimizeResponse(spec.Objective, outcome.Portfolios, outcome.Evaluated ?? []));
        }

        return failure.Code switch
        {
            OptimizationFailure.InvalidInput => ValidationErrors.Single(failure.Field ?? "request", failure.Message),
            OptimizationFailure.Infeasible => Infeasible(failure),
            OptimizationFailure.Unattainable => new UnprocessableProblem(ErrorCodes.ObjectiveUnattainable, failure.Message),
            _ => new UnprocessableProblem(ErrorCodes.OptimizationNotConverged, failure.Message),
        };
    }

    /// <summary>422 naming the constraints that cannot hold together (also in <c>conflictingConstraints</c>).</summary>
    private static UnprocessableProblem Infeasible(OptimizationFailure failure)
    {
        var problem = new UnprocessableProblem(ErrorCodes.InfeasibleConstraints, failure.Message);
        problem.Problem.Extensions["conflictingConstraints"] = failure.ConflictingConstraints;
        return problem;
    }

    /// <summary>Rows are periods; prices become simple returns (one row fewer).</summary>
    private static double[,] Table(int assets, IReadOnlyList<IReadOnlyList<double>> rows, bool prices)
    {
        var columns = Enumerable.Range(0, assets).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
        if (prices)
        {
            columns = [.. columns.Select(c => PeriodReturns.FromPrices(c))];
        }

        var periods = columns[0].Length;
        var table = new double[periods, assets];
        for (var j = 0; j < assets; j++)
        {
            for (var t = 0; t < periods; t++)
            {
                table[t, j] = columns[j][t];
            }
        }

        return table;
    }
}
