using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLossHarvesting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdReplacementConfiguration : IEntityTypeConfiguration<HouseholdReplacement>
{
    public void Configure(EntityTypeBuilder<HouseholdReplacement> builder)
    {
        builder.ToTable("replacement_funds");
        builder.HasKey(r => r.Id);
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(r => r.ReplacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.HouseholdId, r.InstrumentId, r.ReplacementId }).IsUnique();
    }
}
