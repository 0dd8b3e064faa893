using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Rebalancing;

/// <summary>
/// A stored target (entered by hand through the API until model portfolios supply them): an
/// instrument or an asset class, for one account (<see cref="AccountId"/>) or every account of the
/// household (null), with its weight and absolute and relative bands. See <see cref="AllocationTarget"/>.
/// </summary>
public sealed class RebalanceTarget
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public Guid? AccountId { get; set; }

    public Guid? InstrumentId { get; set; }

    public AssetClass? AssetClass { get; set; }

    public decimal Weight { get; set; }

    public decimal AbsoluteBand { get; set; }

    public decimal RelativeBand { get; set; }

    /// <summary>What a class target buys when it is under weight.</summary>
    public Guid? BuyInstrumentId { get; set; }

    public AllocationTarget ToAllocationTarget() => new(AccountId, InstrumentId, AssetClass, Weight, AbsoluteBand, RelativeBand, BuyInstrumentId);
}
