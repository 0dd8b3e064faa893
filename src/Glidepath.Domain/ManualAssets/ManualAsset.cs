using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.ManualAssets;

/// <summary>
/// Something a household owns or owes outside its accounts (a home, a car, a mortgage), valued by
/// hand: each <see cref="ManualAssetValue"/> is its value (or, for a liability, the balance owed) from
/// that date until the next entry. It counts in net worth, never in the ledger or in plans.
/// </summary>
public sealed class ManualAsset
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid HouseholdId { get; set; }

    public required string Name { get; set; }

    public ManualAssetKind Kind { get; set; }

    public ManualAssetCategory Category { get; set; }

    /// <summary>The currency its values are entered in; converted to the reporting currency like an account's.</summary>
    public Currency Currency { get; set; } = Currency.Usd;

    /// <summary>Optimistic-concurrency version, bumped on every change to the item itself (its values are edited one by one).</summary>
    public long Version { get; set; }

    public List<ManualAssetValue> Values { get; set; } = [];
}

/// <summary>The value (asset) or balance owed (liability) from <see cref="Date"/> on; never negative.</summary>
public sealed class ManualAssetValue
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ManualAssetId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }
}

public enum ManualAssetKind
{
    Asset,
    Liability,
}

public enum ManualAssetCategory
{
    RealEstate,
    Vehicle,
    Valuables,
    Mortgage,
    Loan,
    Other,
}
