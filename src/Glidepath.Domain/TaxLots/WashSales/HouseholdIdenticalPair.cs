namespace Glidepath.Domain.TaxLots.WashSales;

/// <summary>
/// A pair of instruments a household marks as substantially identical (stored; editable through the
/// API). Instruments sharing an ISIN need no row: they always count as identical.
/// </summary>
public sealed class HouseholdIdenticalPair
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid FirstInstrumentId { get; set; }

    public Guid SecondInstrumentId { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public SubstantiallyIdenticalPair ToPair() => new(FirstInstrumentId, SecondInstrumentId);
}
