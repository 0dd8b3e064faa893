using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Households;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.People;

/// <summary>The people of a household (the front door has already checked access to the household).</summary>
public sealed class HouseholdPeople(GlidepathDbContext db)
{
    private const int MinRetirementAge = 30;
    private const int MaxRetirementAge = 100;

    public async Task<IReadOnlyList<Person>> ListAsync(Guid householdId, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.HouseholdId == householdId).OrderBy(p => p.Name).ToListAsync(ct);

    public async Task<Result<Person>> GetAsync(Guid householdId, Guid personId, CancellationToken ct) =>
        await FindAsync(householdId, personId, ct) is { } person ? person : NotFound(personId);

    public async Task<Result<Person>> CreateAsync(Guid householdId, PersonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { Failed: true } checks)
        {
            return checks.ToProblem();
        }

        var person = new Person { HouseholdId = householdId, Name = "" };
        Apply(request, person);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    public async Task<Result<Person>> UpdateAsync(Guid householdId, Guid personId, PersonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var person = await FindAsync(householdId, personId, ct);
        if (person is null)
        {
            return NotFound(personId);
        }

        if (Validate(request) is { Failed: true } checks)
        {
            return checks.ToProblem();
        }

        Apply(request, person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>Accounts the person owned become joint (the history stays).</summary>
    public async Task<Result<Person>> DeleteAsync(Guid householdId, Guid personId, CancellationToken ct)
    {
        var person = await FindAsync(householdId, personId, ct);
        if (person is null)
        {
            return NotFound(personId);
        }

        db.People.Remove(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    private Task<Person?> FindAsync(Guid householdId, Guid personId, CancellationToken ct) =>
        db.People.FirstOrDefaultAsync(p => p.Id == personId && p.HouseholdId == householdId, ct);

    private static Problem NotFound(Guid personId) => Problem.NotFound(ErrorCodes.PersonNotFound, $"Person {personId} is not in this household.");

    private static InputChecks Validate(PersonRequest request) => new InputChecks()
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
