using System.Text.Json;
using System.Text.Json.Serialization;
using Glidepath.Domain.Strategies;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Persistence.Conversions;

/// <summary>A strategy's proxy instruments as one JSON text column (asset classes by name), read only with their strategy.</summary>
internal sealed class StrategyProxiesConverter() : ValueConverter<List<StrategyProxy>, string>(
    proxies => JsonSerializer.Serialize(proxies, Options),
    json => JsonSerializer.Deserialize<List<StrategyProxy>>(json, Options) ?? new List<StrategyProxy>())
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ValueComparer<List<StrategyProxy>> Comparer { get; } = new(
        (left, right) => left != null && right != null ? left.SequenceEqual(right) : left == right,
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToList());
}
