using System.Text.Json;
using System.Text.Json.Serialization;
using Glidepath.Domain.Portfolios;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Persistence.Conversions;

/// <summary>
/// A model portfolio's allocations as one JSON text column (asset classes by name): they are only
/// ever read with their model portfolio, and text behaves the same on both providers. Decimal
/// weights round-trip exactly through System.Text.Json.
/// </summary>
internal sealed class TargetAllocationsConverter() : ValueConverter<List<TargetAllocation>, string>(
    allocations => JsonSerializer.Serialize(allocations, Options),
    json => JsonSerializer.Deserialize<List<TargetAllocation>>(json, Options) ?? new List<TargetAllocation>())
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Compares by content so that editing the list marks the model portfolio modified.</summary>
    public static ValueComparer<List<TargetAllocation>> Comparer { get; } = new(
        (left, right) => left != null && right != null ? left.SequenceEqual(right) : left == right,
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToList());
}
