namespace Glidepath.Domain.Households;

public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Name { get; set; }

    public DateOnly BirthDate { get; set; }

    public FilingStatus FilingStatus { get; set; }

    /// <summary>The age the person plans to retire at; new plans start from it.</summary>
    public int? RetirementAge { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. "US".</summary>
    public string Country { get; set; } = "US";

    /// <summary>State or region code within the country (e.g. "CA"), when it matters for tax.</summary>
    public string? State { get; set; }

    /// <summary>Taxpayer identification number (a US SSN or ITIN, or another country's equivalent).</summary>
    public TaxId? TaxId { get; set; }

    /// <summary>Free-text notes about the person.</summary>
    public string? Notes { get; set; }
}
