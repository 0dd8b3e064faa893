using Glidepath.Domain.Households;
using Glidepath.Domain.RiskProfile;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Completed risk questionnaires (docs/risk-profile.md): append-only, deleted with their person or household.</summary>
internal sealed class RiskProfileConfiguration : IEntityTypeConfiguration<PersonRiskProfile>
{
    public void Configure(EntityTypeBuilder<PersonRiskProfile> builder)
    {
        builder.ToTable("risk_profiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Answers).HasMaxLength(32);
        builder.Property(p => p.ToleranceBand).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Reason).HasMaxLength(TextLimits.Description);
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.HouseholdId, p.PersonId });
    }
}
