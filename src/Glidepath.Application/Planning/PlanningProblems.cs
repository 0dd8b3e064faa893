using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;

namespace Glidepath.Application.Planning;

/// <summary>The planning use cases' expected failures, with their stable codes.</summary>
public static class PlanningProblems
{
    public const string PlanNotFoundCode = "plan-not-found";
    public const string RunNotFoundCode = "simulation-run-not-found";
    public const string RunFinishedCode = "simulation-run-finished";
    public const string QueueFullCode = "simulation-queue-full";
    public const string QuotaExceededCode = "simulation-quota-exceeded";

    /// <summary>The most paths one run (or one solve evaluation) may ask for.</summary>
    public const int MaxPaths = 2_000_000;

    public static Problem PlanNotFound(Guid planId) => Problem.NotFound(PlanNotFoundCode, $"Plan {planId} is not in this household.");

    public static Problem RunNotFound(Guid runId) => Problem.NotFound(RunNotFoundCode, $"Simulation run {runId} is not in this plan.");

    /// <summary>A scenario error against the request's <c>scenario</c> member, e.g. <c>scenario.allocation.weights</c>.</summary>
    public static Problem Scenario(Problem error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with { Field = ScenarioField(error.Field ?? "") };
    }

    /// <summary>A scenario error's field under the request's <c>scenario</c> member.</summary>
    public static string ScenarioField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field is "" or "$" ? "scenario" : "scenario." + field.TrimStart('$', '.');
    }
}
