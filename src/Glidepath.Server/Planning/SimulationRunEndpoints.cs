using System.Security.Claims;
using System.Text.Json;
using Glidepath.Application.Planning;
using Glidepath.Domain.Planning;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Glidepath.Server.Planning;

/// <summary>
/// A plan's runs, onto <see cref="SimulationRuns"/>: <c>POST …/plans/{planId}/simulations</c> and
/// <c>POST …/plans/{planId}/solve</c> queue a run and answer 202 with it (or, with <c>?wait=true</c>,
/// 201 once it has finished); <c>GET …/simulations[/{runId}]</c> reads status, progress and, when
/// done, the result; <c>POST …/simulations/{runId}/cancel</c> stops it. Runs execute in
/// <see cref="Runs.SimulationWorker"/>, so a client that goes away loses nothing.
/// </summary>
public static class SimulationRunEndpoints
{
    private static readonly int[] QueueProblems =
    [
        StatusCodes.Status404NotFound, StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity,
        StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable,
    ];

    public static RouteGroupBuilder MapSimulationRunEndpoints(this RouteGroupBuilder plans)
    {
        plans.MapPost("/{planId:guid}/simulations", Simulate).ComputesOnly().ProducesProblems(QueueProblems);
        plans.MapGet("/{planId:guid}/simulations", List).ProducesProblems(StatusCodes.Status404NotFound);
        plans.MapGet("/{planId:guid}/simulations/{runId:guid}", Get).WithName("GetSimulationRun").ProducesProblems(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId:guid}/simulations/{runId:guid}/cancel", Cancel).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        plans.MapPost("/{planId:guid}/solve", Solve).ComputesOnly().ProducesProblems(QueueProblems);
        return plans;
    }

    /// <param name="wait">true: answer when the run has finished (201), for scripts; the run goes on if the client leaves.</param>
    private static Task<Results<Accepted<SimulationRunDto>, Created<SimulationRunDto>, ProblemAnswer>> Simulate(
        Guid householdId, Guid planId, SimulateRequest? request, [FromQuery] bool? wait, ClaimsPrincipal user, SimulationRuns runs, CancellationToken ct) =>
        QueueAsync(householdId, planId, new RunRequest(SimulationRunKind.Simulate, request?.Paths, request?.Seed), wait ?? false, user, runs, ct);

    /// <param name="wait">As for simulations.</param>
    private static Task<Results<Accepted<SimulationRunDto>, Created<SimulationRunDto>, ProblemAnswer>> Solve(
        Guid householdId, Guid planId, SolveRequest request, [FromQuery] bool? wait, ClaimsPrincipal user, SimulationRuns runs, CancellationToken ct) =>
        QueueAsync(householdId, planId, new RunRequest(SimulationRunKind.Solve, request.Paths, request.Seed, request.For, request.Target), wait ?? false, user, runs, ct);

    private static async Task<Results<Accepted<SimulationRunDto>, Created<SimulationRunDto>, ProblemAnswer>> QueueAsync(
        Guid householdId, Guid planId, RunRequest request, bool wait, ClaimsPrincipal user, SimulationRuns runs, CancellationToken ct)
    {
        if (!(await runs.QueueAsync(householdId, planId, request, HouseholdScope.CallerOf(user), ct)).TryGet(out var run, out var problem))
        {
            return problem.ToHttp();
        }

        var location = $"/api/households/{householdId}/plans/{planId}/simulations/{run.Id}";
        return wait
            ? TypedResults.Created(location, ToDto(await runs.WaitAsync(run.Id, ct), withResult: true))
            : TypedResults.Accepted(location, ToDto(run, withResult: true));
    }

    /// <summary>The plan's runs, newest first, without their results.</summary>
    private static async Task<Results<Ok<List<SimulationRunDto>>, ProblemAnswer>> List(Guid householdId, Guid planId, SimulationRuns runs, CancellationToken ct) =>
        (await runs.ListAsync(householdId, planId, ct)).ToHttp(list => TypedResults.Ok(list.Select(r => ToDto(r, withResult: false)).ToList()));

    private static async Task<Results<Ok<SimulationRunDto>, ProblemAnswer>> Get(Guid householdId, Guid planId, Guid runId, SimulationRuns runs, CancellationToken ct) =>
        (await runs.GetAsync(householdId, planId, runId, ct)).ToHttp(r => TypedResults.Ok(ToDto(r, withResult: true)));

    /// <summary>A queued run is cancelled at once; a running one stops at its next progress check. A finished run answers 409, except a cancelled one.</summary>
    private static async Task<Results<Accepted<SimulationRunDto>, ProblemAnswer>> Cancel(Guid householdId, Guid planId, Guid runId, SimulationRuns runs, CancellationToken ct) =>
        (await runs.CancelAsync(householdId, planId, runId, ct))
            .ToHttp(r => TypedResults.Accepted($"/api/households/{householdId}/plans/{planId}/simulations/{runId}", ToDto(r, withResult: true)));

    private static SimulationRunDto ToDto(SimulationRun r, bool withResult)
    {
        using var parameters = JsonDocument.Parse(r.ParametersJson);
        JsonElement? result = null;
        if (withResult && r.ResultJson is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            result = doc.RootElement.Clone();
        }

        return new SimulationRunDto(
            r.Id, r.PlanId, r.Kind, r.Status, r.Progress, r.Paths, r.Seed, parameters.RootElement.Clone(), result, r.SuccessProbability, r.Error,
            r.CreatedUtc, r.StartedUtc, r.FinishedUtc, r.DurationMs);
    }
}
