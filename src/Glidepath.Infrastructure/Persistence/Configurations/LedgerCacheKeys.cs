namespace Glidepath.Infrastructure.Persistence.Configurations;

internal static class LedgerCacheKeys
{
    /// <summary>Shadow surrogate key of cache rows that have no natural key; also their insertion (ledger) order.</summary>
    public const string Id = "Id";
}
