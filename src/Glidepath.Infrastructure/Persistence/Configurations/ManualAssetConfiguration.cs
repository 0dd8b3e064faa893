using Glidepath.Domain.Households;
using Glidepath.Domain.ManualAssets;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class ManualAssetConfiguration : IEntityTypeConfiguration<ManualAsset>
{
    public void Configure(EntityTypeBuilder<ManualAsset> builder)
    {
        builder.ToTable("manual_assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.HouseholdId);
        builder.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Values).WithOne().HasForeignKey(v => v.ManualAssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ManualAssetValueConfiguration : IEntityTypeConfiguration<ManualAssetValue>
{
    public void Configure(EntityTypeBuilder<ManualAssetValue> builder)
    {
        builder.ToTable("manual_asset_values");
        builder.HasKey(v => v.Id);
        // One entry per day: a second one on the same date is an edit of the first.
        builder.HasIndex(v => new { v.ManualAssetId, v.Date }).IsUnique();
    }
}
