using System.Text.Json;
using System.Text.Json.Serialization;
using Glidepath.Domain.Assumptions;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>
/// Capital-market assumption sets (docs/assumptions.md): one row per version; the classes and the
/// correlation matrix are JSON text columns (only ever read with their set; text behaves the same on
/// both providers, and doubles round-trip exactly through System.Text.Json).
/// </summary>
internal sealed class AssumptionsConfiguration : IEntityTypeConfiguration<CapitalMarketAssumptionSet>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<CapitalMarketAssumptionSet> builder)
    {
        builder.ToTable("capital_market_assumptions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.Version).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.Sources).HasMaxLength(TextLimits.Description);
        builder.Property(s => s.Classes).HasConversion(Json<List<AssetClassAssumption>>(), Comparer<AssetClassAssumption>());
        builder.Property(s => s.Correlations).HasConversion(
            Json<List<List<double>>>(),
            new ValueComparer<List<List<double>>>(
                (l, r) => l != null && r != null ? l.Count == r.Count && l.Zip(r).All(p => p.First.SequenceEqual(p.Second)) : l == r,
                l => l.Aggregate(0, (h, row) => row.Aggregate(h, HashCode.Combine)),
                l => l.Select(row => row.ToList()).ToList()));
    }

    private static ValueConverter<T, string> Json<T>()
        where T : new() =>
        new(v => JsonSerializer.Serialize(v, Options), json => JsonSerializer.Deserialize<T>(json, Options) ?? new T());

    private static ValueComparer<List<T>> Comparer<T>() => new(
        (l, r) => l != null && r != null ? l.SequenceEqual(r) : l == r,
        l => l.Aggregate(0, (h, item) => HashCode.Combine(h, item!.GetHashCode())),
        l => l.ToList());
}
