namespace Glidepath.Domain.Households;

public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Name { get; set; }

    public DateOnly BirthDate { get; set; }

    public FilingStatus FilingStatus { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. "US".</summary>
    public string Country { get; set; } = "US";

    /// <summary>State or region code within the country (e.g. "CA"), when it matters for tax.</summary>
    public string? State { get; set; }
}
