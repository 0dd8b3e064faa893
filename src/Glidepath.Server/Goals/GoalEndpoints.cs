using Glidepath.Application.Goals;
using Glidepath.Domain.Results;
using Glidepath.Server.Api;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Goals;

/// <summary>
/// A household's goals: <c>/api/households/{householdId}/goals[/{goalId}]</c>, onto <see cref="HouseholdGoals"/>.
/// Their status comes from the simulation worker (<see cref="GoalStatuses"/>).
/// </summary>
public static class GoalEndpoints
{
    public static RouteGroupBuilder MapGoalEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/goals").WithTags("Goals");
        group.MapGet("/", List);
        group.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{goalId:guid}", Get).WithName("GetGoal").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{goalId:guid}", Update).AcceptsIfMatch().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{goalId:guid}", Delete).ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    /// <summary>By priority, then name, with progress today.</summary>
    private static async Task<Ok<List<GoalDto>>> List(Guid householdId, HouseholdGoals goals, CancellationToken ct) =>
        TypedResults.Ok((await goals.ListAsync(householdId, ct)).Select(g => g.ToDto()).ToList());

    private static async Task<Results<Ok<GoalDto>, ProblemAnswer>> Get(Guid householdId, Guid goalId, HouseholdGoals goals, CancellationToken ct) =>
        Shown(await goals.GetAsync(householdId, goalId, ct));

    private static async Task<Results<CreatedAtRoute<GoalDto>, ProblemAnswer>> Create(Guid householdId, GoalRequest request, HouseholdGoals goals, CancellationToken ct) =>
        (await goals.CreateAsync(householdId, request, ct)).ToHttp(g => TypedResults.CreatedAtRoute(g.ToDto(), "GetGoal", new { householdId, goalId = g.Goal.Id }));

    /// <summary>Replaces the goal; a stale version answers 409 (the exception handler). Another plan resets the status to NotTested.</summary>
    private static async Task<Results<Ok<GoalDto>, ProblemAnswer>> Update(Guid householdId, Guid goalId, GoalRequest request, HouseholdGoals goals, CancellationToken ct) =>
        Shown(await goals.UpdateAsync(householdId, goalId, request, ct));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid goalId, HouseholdGoals goals, CancellationToken ct) =>
        (await goals.DeleteAsync(householdId, goalId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static Results<Ok<GoalDto>, ProblemAnswer> Shown(Result<GoalProgress> result) =>
        result.ToHttp(g => TypedResults.Ok(g.ToDto()));
}
