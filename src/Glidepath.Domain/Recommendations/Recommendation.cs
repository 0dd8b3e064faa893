namespace Glidepath.Domain.Recommendations;

/// <summary>
/// One piece of advice for a household (docs/recommendations.md). <see cref="Key"/> names it stably (kind, and the
/// holding it is about); <see cref="Fingerprint"/> summarises the inputs it rests on, coarsely enough that daily
/// price moves do not change it: a dismissed recommendation stays dismissed until its fingerprint changes.
/// </summary>
public sealed record Recommendation(
    string Kind,
    string Key,
    int Rank,
    string Title,
    string Explanation,
    IReadOnlyDictionary<string, decimal> Data,
    RecommendationEffect Effect,
    string Fingerprint,
    string? Article = null);

/// <summary>What acting on a recommendation is worth, where it can be computed: money (in the household's currency) and tax saved.</summary>
public sealed record RecommendationEffect(decimal? Amount = null, decimal? TaxSaved = null, decimal? FeesSaved = null, double? SuccessProbabilityChange = null);

public static class RecommendationKinds
{
    public const string EmergencyFund = "emergency-fund";
    public const string RiskLevelOffProfile = "risk-level-off-profile";
    public const string Harvest = "harvest";
    public const string Concentration = "concentration";
    public const string Rebalance = "rebalance";
    public const string CashDrag = "cash-drag";
    public const string SaveMore = "save-more";
    public const string RetireLater = "retire-later";
    public const string SpendLess = "spend-less";
    public const string AssetLocation = "asset-location";
    public const string FeeDrag = "fee-drag";
}
