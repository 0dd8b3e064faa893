using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.ScenarioJson);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.HouseholdId, p.Name });
    }
}
