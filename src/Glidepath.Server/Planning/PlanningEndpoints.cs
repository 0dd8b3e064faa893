using System.Text.Json;
using Glidepath.Application.Planning;
using Glidepath.Domain.Planning;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Planning;

/// <summary>
/// Saved scenarios, <c>/api/households/{householdId}/plans</c>, onto <see cref="Plans"/>; their runs
/// are in <see cref="SimulationRunEndpoints"/>.
/// </summary>
public static class PlanningEndpoints
{
    public static RouteGroupBuilder MapPlanningEndpoints(this RouteGroupBuilder household)
    {
        var plans = household.MapGroup("/plans").WithTags("Planning");
        plans.MapGet("/", List);
        plans.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest);
        plans.MapGet("/{planId:guid}", Get).WithName("GetPlan").ProducesProblems(StatusCodes.Status404NotFound);
        plans.MapPut("/{planId:guid}", Update).AcceptsIfMatch().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status400BadRequest);
        plans.MapDelete("/{planId:guid}", Delete).ProducesProblems(StatusCodes.Status404NotFound);
        plans.MapPost("/{planId:guid}/preview", Preview).ComputesOnly()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        plans.MapSimulationRunEndpoints();
        return household;
    }

    private static async Task<Ok<List<PlanDto>>> List(Guid householdId, Plans plans, CancellationToken ct) =>
        TypedResults.Ok((await plans.ListAsync(householdId, ct)).Select(ToDto).ToList());

    private static async Task<Results<Ok<PlanDto>, ProblemAnswer>> Get(Guid householdId, Guid planId, Plans plans, CancellationToken ct) =>
        (await plans.GetAsync(householdId, planId, ct)).ToHttp(p => TypedResults.Ok(ToDto(p)));

    private static async Task<Results<CreatedAtRoute<PlanDto>, ProblemAnswer>> Create(Guid householdId, PlanRequest request, Plans plans, CancellationToken ct) =>
        (await plans.CreateAsync(householdId, request.ToInput(), ct)).ToHttp(p => TypedResults.CreatedAtRoute(ToDto(p), "GetPlan", new { householdId, planId = p.Id }));

    private static async Task<Results<Ok<PlanDto>, ProblemAnswer>> Update(Guid householdId, Guid planId, PlanRequest request, Plans plans, CancellationToken ct) =>
        (await plans.UpdateAsync(householdId, planId, request.ToInput(), ct)).ToHttp(p => TypedResults.Ok(ToDto(p)));

    /// <summary>Deletes the plan and its stored runs; its queued and running runs stop and store nothing.</summary>
    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid planId, Plans plans, CancellationToken ct) =>
        (await plans.DeleteAsync(householdId, planId, ct)).ToHttp(_ => TypedResults.NoContent());

    /// <summary>
    /// Live what-if: the plan (with the body's edits) simulated now, at most 20,000 paths; nothing is
    /// stored. The answer is a run's <c>result</c>, written as runs write it.
    /// </summary>
    private static async Task<Results<Ok<JsonElement>, ProblemAnswer>> Preview(
        Guid householdId, Guid planId, PreviewRequest? request, PlanPreviews previews, CancellationToken ct) =>
        (await previews.PreviewAsync(householdId, planId, new PreviewInput(request?.Scenario, request?.Paths, request?.Seed), ct))
            .ToHttp(r => TypedResults.Ok(JsonSerializer.SerializeToElement(r, SimulationReport.Json)));

    private static PlanDto ToDto(Plan p)
    {
        using var scenario = JsonDocument.Parse(p.ScenarioJson);
        return new PlanDto(p.Id, p.Name, scenario.RootElement.Clone(), p.CreatedUtc, p.Version);
    }
}
