using Glidepath.Domain.Households;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class ModelPortfolioConfiguration : IEntityTypeConfiguration<ModelPortfolio>
{
    public void Configure(EntityTypeBuilder<ModelPortfolio> builder)
    {
        builder.ToTable("model_portfolios");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(TextLimits.Name);
        builder.Property(m => m.Description).HasMaxLength(TextLimits.Description);
        builder.Property(m => m.Allocations).HasConversion(new TargetAllocationsConverter(), TargetAllocationsConverter.Comparer);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);

        // One name per household: a client picks a model by name.
        builder.HasIndex(m => new { m.HouseholdId, m.Name }).IsUnique();
    }
}
