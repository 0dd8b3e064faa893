using Glidepath.Domain.Households;
using Glidepath.Domain.Recommendations;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Decisions on recommendations (docs/recommendations.md): one per household and key, deleted with the household.</summary>
internal sealed class RecommendationDecisionConfiguration : IEntityTypeConfiguration<RecommendationDecision>
{
    public void Configure(EntityTypeBuilder<RecommendationDecision> builder)
    {
        builder.ToTable("recommendation_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Key).HasMaxLength(80);
        builder.Property(d => d.Fingerprint).HasMaxLength(200);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(TextLimits.Description);
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.HouseholdId, d.Key }).IsUnique();
    }
}
