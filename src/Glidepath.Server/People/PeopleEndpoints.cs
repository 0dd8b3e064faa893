using Glidepath.Domain.Households;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.People;

/// <summary>The people of a household: <c>/api/households/{householdId}/people</c>.</summary>
public static class PeopleEndpoints
{
    private const int MinRetirementAge = 30;
    private const int MaxRetirementAge = 100;

    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/people").WithTags("People");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{personId:guid}", Get).WithName("GetPerson");
        group.MapPut("/{personId:guid}", Update);
        group.MapDelete("/{personId:guid}", Delete);
        return household;
    }

    private static async Task<Ok<List<PersonDto>>> List(Guid householdId, GlidepathDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.People.AsNoTracking().Where(p => p.HouseholdId == householdId).OrderBy(p => p.Name)
            .Select(p => p.ToDto()).ToListAsync(ct));

    private static async Task<Results<Ok<PersonDto>, NotFoundProblem>> Get(Guid householdId, Guid personId, GlidepathDbContext db, CancellationToken ct) =>
        await Find(db, householdId, personId, ct) is { } person ? TypedResults.Ok(person.ToDto()) : NotFound(personId);

    private static async Task<Results<CreatedAtRoute<PersonDto>, ValidationProblem>> Create(
        Guid householdId, PersonRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var person = new Person { HouseholdId = householdId, Name = "" };
        Apply(request, person);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(person.ToDto(), "GetPerson", new { householdId, personId = person.Id });
    }

    private static async Task<Results<Ok<PersonDto>, NotFoundProblem, ValidationProblem>> Update(
        Guid householdId, Guid personId, PersonRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var person = await Find(db, householdId, personId, ct);
        if (person is null)
        {
            return NotFound(personId);
        }

        var errors = Validate(request);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        Apply(request, person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(person.ToDto());
    }

    /// <summary>Accounts the person owned become joint (the history stays).</summary>
    private static async Task<Results<NoContent, NotFoundProblem>> Delete(Guid householdId, Guid personId, GlidepathDbContext db, CancellationToken ct)
    {
        var person = await Find(db, householdId, personId, ct);
        if (person is null)
        {
            return NotFound(personId);
        }

        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static Task<Person?> Find(GlidepathDbContext db, Guid householdId, Guid personId, CancellationToken ct) =>
        db.People.FirstOrDefaultAsync(p => p.Id == personId && p.HouseholdId == householdId, ct);

    private static NotFoundProblem NotFound(Guid personId) => new(ErrorCodes.PersonNotFound, $"Person {personId} is not in this household.");

    private static ValidationErrors Validate(PersonRequest request) => new ValidationErrors()
        .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
        .Check(request.BirthDate != default, "birthDate", "A birth date is required.")
        .Check(request.RetirementAge is null or (>= MinRetirementAge and <= MaxRetirementAge), "retirementAge", $"A retirement age is between {MinRetirementAge} and {MaxRetirementAge}.")
        .Check(Enum.IsDefined(request.FilingStatus), "filingStatus", "Unknown filing status.")
        .Check(request.Country is null || request.Country.Trim().Length == 2, "country", "Use an ISO 3166-1 alpha-2 code, e.g. US.")
        .CheckLength(request.Name, "name", TextLimits.Name)
        .CheckLength(request.State, "state", TextLimits.State)
        .CheckLength(request.TaxId, "taxId", TextLimits.TaxId)
        .CheckLength(request.Notes, "notes", TextLimits.Notes);

    private static void Apply(PersonRequest request, Person person)
    {
        person.Name = request.Name!.Trim();
        person.BirthDate = request.BirthDate;
        person.FilingStatus = request.FilingStatus;
        person.RetirementAge = request.RetirementAge;
        person.Country = request.Country?.Trim().ToUpperInvariant() ?? "US";
        person.State = string.IsNullOrWhiteSpace(request.State) ? null : request.State.Trim().ToUpperInvariant();
        if (request.TaxId is not null)
        {
            person.TaxId = string.IsNullOrWhiteSpace(request.TaxId) ? null : new TaxId(request.TaxId);
        }

        person.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes;
    }
}
