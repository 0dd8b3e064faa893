using Glidepath.Domain.Households;
using Glidepath.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdFxRateConfiguration : IEntityTypeConfiguration<HouseholdFxRate>
{
    public void Configure(EntityTypeBuilder<HouseholdFxRate> builder)
    {
        builder.ToTable("household_fx_rates");
        builder.Property(r => r.Base).HasColumnName("base_currency");
        builder.Property(r => r.Quote).HasColumnName("quote_currency");
        builder.HasKey(r => new { r.HouseholdId, r.Base, r.Quote, r.Date });
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
