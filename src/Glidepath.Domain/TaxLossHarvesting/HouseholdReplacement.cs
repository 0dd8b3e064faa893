namespace Glidepath.Domain.TaxLossHarvesting;

/// <summary>A stored row of the household's replacement table: harvesting <see cref="InstrumentId"/> buys <see cref="ReplacementId"/>; lower <see cref="Rank"/> is preferred.</summary>
public sealed class HouseholdReplacement
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid InstrumentId { get; set; }

    public Guid ReplacementId { get; set; }

    public int Rank { get; set; }

    public ReplacementChoice ToChoice() => new(InstrumentId, ReplacementId);
}
