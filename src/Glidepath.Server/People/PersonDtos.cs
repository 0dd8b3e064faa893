using Glidepath.Domain.Households;

namespace Glidepath.Server.People;

/// <summary>A person as the API shows it: the tax id only ever masked.</summary>
public sealed record PersonDto(
    Guid Id, Guid HouseholdId, string Name, DateOnly BirthDate, FilingStatus FilingStatus, string Country, string? State,
    string? TaxIdMasked, string? Notes, int? RetirementAge = null);

internal static class PersonMapping
{
    public static PersonDto ToDto(this Person person) =>
        new(person.Id, person.HouseholdId, person.Name, person.BirthDate, person.FilingStatus, person.Country, person.State,
            person.TaxId?.Masked, person.Notes, person.RetirementAge);
}
