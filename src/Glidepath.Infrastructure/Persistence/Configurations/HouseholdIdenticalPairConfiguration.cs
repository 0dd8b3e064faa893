using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLots.WashSales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Pairs a household marks substantially identical; stored with the smaller id first so a pair is unique either way round.</summary>
internal sealed class HouseholdIdenticalPairConfiguration : IEntityTypeConfiguration<HouseholdIdenticalPair>
{
    public void Configure(EntityTypeBuilder<HouseholdIdenticalPair> builder)
    {
        builder.ToTable("substantially_identical_pairs");
        builder.HasKey(p => p.Id);
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(p => p.FirstInstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(p => p.SecondInstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.HouseholdId, p.FirstInstrumentId, p.SecondInstrumentId }).IsUnique();
    }
}
