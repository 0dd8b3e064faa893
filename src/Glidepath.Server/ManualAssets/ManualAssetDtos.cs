using Glidepath.Domain.ManualAssets;

namespace Glidepath.Server.ManualAssets;

/// <summary>A manual asset or liability with its dated values, oldest first; <paramref name="Latest"/> is the newest entry.</summary>
public sealed record ManualAssetDto(
    Guid Id, string Name, ManualAssetKind Kind, ManualAssetCategory Category, string Currency, long Version,
    ManualAssetValueDto? Latest, IReadOnlyList<ManualAssetValueDto> Values);

/// <summary>The value (asset) or balance owed (liability) from <paramref name="Date"/> on, in the item's currency.</summary>
public sealed record ManualAssetValueDto(Guid Id, DateOnly Date, decimal Amount);

internal static class ManualAssetMapping
{
    public static ManualAssetDto ToDto(this ManualAsset item)
    {
        var values = item.Values.OrderBy(v => v.Date).Select(v => new ManualAssetValueDto(v.Id, v.Date, v.Amount)).ToList();
        return new(item.Id, item.Name, item.Kind, item.Category, item.Currency.Code, item.Version, values.LastOrDefault(), values);
    }
}
