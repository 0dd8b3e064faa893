using Glidepath.Domain.Households;

namespace Glidepath.Server.People;

public sealed record PersonDto(Guid Id, Guid HouseholdId, string Name, DateOnly BirthDate, FilingStatus FilingStatus, string Country, string? State);

public sealed record PersonRequest(string? Name, DateOnly BirthDate, FilingStatus FilingStatus, string? Country, string? State);

internal static class PersonMapping
{
    public static PersonDto ToDto(this Person person) =>
        new(person.Id, person.HouseholdId, person.Name, person.BirthDate, person.FilingStatus, person.Country, person.State);
}
