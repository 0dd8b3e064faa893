using Glidepath.Domain.Households;

namespace Glidepath.Application.People;

/// <summary>
/// Creates or replaces a person. The tax id is never shown whole, so a null <paramref name="TaxId"/> keeps
/// the stored one (a read-modify-write cannot lose it) and "" clears it; <paramref name="Notes"/> is replaced.
/// </summary>
public sealed record PersonRequest(
    string? Name, DateOnly BirthDate, FilingStatus FilingStatus, string? Country, string? State, string? TaxId = null, string? Notes = null, int? RetirementAge = null);
