namespace Glidepath.Domain.Performance;

/// <summary>
/// What is measured: the household (its non-liability accounts), one account, or one position
/// (an instrument in one account, or across the household's accounts when <see cref="AccountId"/> is null).
/// See docs/analytics.md, "Household performance", for which flows are external at each level.
/// </summary>
public sealed record PerformanceScope(Guid? AccountId = null, Guid? InstrumentId = null)
{
    public static PerformanceScope Household { get; } = new();
}
