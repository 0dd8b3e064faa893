using Glidepath.Application.Validation;
using Glidepath.Domain.ManualAssets;

namespace Glidepath.Application.ManualAssets;

/// <summary>
/// Creates an item (with a first value when <paramref name="Amount"/> is given, dated <paramref name="Date"/>
/// or today) or replaces its name, kind, category and currency (then <paramref name="Version"/> must match).
/// </summary>
public sealed record ManualAssetRequest(
    string? Name, ManualAssetKind? Kind, ManualAssetCategory? Category, string? Currency,
    decimal? Amount = null, DateOnly? Date = null, long? Version = null) : IVersionedRequest
{
    public IVersionedRequest WithVersion(long version) => this with { Version = version };
}

public sealed record ManualAssetValueRequest(DateOnly? Date, decimal? Amount);
