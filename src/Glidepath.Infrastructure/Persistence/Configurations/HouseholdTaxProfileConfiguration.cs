using Glidepath.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdTaxProfileConfiguration : IEntityTypeConfiguration<HouseholdTaxProfile>
{
    public void Configure(EntityTypeBuilder<HouseholdTaxProfile> builder)
    {
        builder.ToTable("household_tax_profiles");
        builder.HasKey(p => p.HouseholdId);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithOne().HasForeignKey<HouseholdTaxProfile>(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
