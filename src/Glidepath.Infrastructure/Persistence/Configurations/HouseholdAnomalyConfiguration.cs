using Glidepath.Domain.Anomalies;
using Glidepath.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Anomalies the scan recorded (docs/anomalies.md): unique per household, series and date; deleted with the household.</summary>
internal sealed class HouseholdAnomalyConfiguration : IEntityTypeConfiguration<HouseholdAnomaly>
{
    public void Configure(EntityTypeBuilder<HouseholdAnomaly> builder)
    {
        builder.ToTable("household_anomalies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.SeriesKind).HasMaxLength(16);
        builder.Property(a => a.SeriesKey).HasMaxLength(40);
        builder.Property(a => a.SeriesLabel).HasMaxLength(420);
        builder.Property(a => a.Method).HasMaxLength(16);
        builder.Property(a => a.Currency).HasMaxLength(3);
        builder.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.HouseholdId, a.SeriesKind, a.SeriesKey, a.Date }).IsUnique();
    }
}
