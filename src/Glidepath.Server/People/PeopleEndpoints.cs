using Glidepath.Application.People;
using Glidepath.Server.Errors;

namespace Glidepath.Server.People;

/// <summary>The people of a household: <c>/api/households/{householdId}/people</c>, onto <see cref="HouseholdPeople"/>.</summary>
public static class PeopleEndpoints
{
    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/people").WithTags("People");
        group.MapGet("/", List);
        group.MapPost("/", Create).ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/{personId:guid}", Get).WithName("GetPerson").ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{personId:guid}", Update).ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapDelete("/{personId:guid}", Delete).ProducesProblems(StatusCodes.Status404NotFound);
        return household;
    }

    private static async Task<Ok<List<PersonDto>>> List(Guid householdId, HouseholdPeople people, CancellationToken ct) =>
        TypedResults.Ok((await people.ListAsync(householdId, ct)).Select(p => p.ToDto()).ToList());

    private static async Task<Results<Ok<PersonDto>, ProblemAnswer>> Get(Guid householdId, Guid personId, HouseholdPeople people, CancellationToken ct) =>
        (await people.GetAsync(householdId, personId, ct)).ToHttp(p => TypedResults.Ok(p.ToDto()));

    private static async Task<Results<CreatedAtRoute<PersonDto>, ProblemAnswer>> Create(Guid householdId, PersonRequest request, HouseholdPeople people, CancellationToken ct) =>
        (await people.CreateAsync(householdId, request, ct)).ToHttp(p => TypedResults.CreatedAtRoute(p.ToDto(), "GetPerson", new { householdId, personId = p.Id }));

    private static async Task<Results<Ok<PersonDto>, ProblemAnswer>> Update(Guid householdId, Guid personId, PersonRequest request, HouseholdPeople people, CancellationToken ct) =>
        (await people.UpdateAsync(householdId, personId, request, ct)).ToHttp(p => TypedResults.Ok(p.ToDto()));

    private static async Task<Results<NoContent, ProblemAnswer>> Delete(Guid householdId, Guid personId, HouseholdPeople people, CancellationToken ct) =>
        (await people.DeleteAsync(householdId, personId, ct)).ToHttp(_ => TypedResults.NoContent());
}
