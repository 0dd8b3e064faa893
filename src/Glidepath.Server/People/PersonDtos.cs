using Glidepath.Domain.Households;

namespace Glidepath.Server.People;

/// <summary>A person as the API shows it: the tax id only ever masked.</summary>
public sealed record PersonDto(
    Guid Id, Guid HouseholdId, string Name, DateOnly BirthDate, FilingStatus FilingStatus, string Country, string? State,
    string? TaxIdMasked, string? Notes, int? RetirementAge = null);

/// <summary>
/// Creates or replaces a person. The tax id is never shown whole, so a null <paramref name="TaxId"/> keeps
/// the stored one (a read-modify-write cannot lose it) and "" clears it; <paramref name="Notes"/> is replaced.
/// </summary>
public sealed record PersonRequest(
    string? Name, DateOnly BirthDate, FilingStatus FilingStatus, string? Country, string? State, string? TaxId = null, string? Notes = null, int? RetirementAge = null);

internal static class PersonMapping
{
    public static PersonDto ToDto(this Person person) =>
        new(person.Id, person.HouseholdId, person.Name, person.BirthDate, person.FilingStatus, person.Country, person.State,
            person.TaxId?.Masked, person.Notes, person.RetirementAge);
}
