using System.Text.Json;
using Glidepath.Domain.Transactions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Persistence.Conversions;

/// <summary>
/// A sale's specific-identification lots as one JSON text column: they are only ever read with
/// their transaction, and a plain text column behaves the same on both providers.
/// Decimals round-trip exactly through System.Text.Json.
/// </summary>
internal sealed class LotSelectionsConverter() : ValueConverter<List<LotSelection>, string>(
    selections => selections.Count == 0 ? "[]" : JsonSerializer.Serialize(selections, Options),   // most rows: no selection
    json => JsonSerializer.Deserialize<List<LotSelection>>(json, Options) ?? new List<LotSelection>())
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Compares by content so that editing the list marks the transaction modified.</summary>
    public static ValueComparer<List<LotSelection>> Comparer { get; } = new(
        (left, right) => left != null && right != null ? left.SequenceEqual(right) : left == right,
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        list => list.ToList());
}
