using Glidepath.Domain.Households;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("households");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Name).HasMaxLength(TextLimits.Name);
        builder.Property(h => h.PriceNote).HasMaxLength(200);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasMany(h => h.People).WithOne().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Accounts).WithOne().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
