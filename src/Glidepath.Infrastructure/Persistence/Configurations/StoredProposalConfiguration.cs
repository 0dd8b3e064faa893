using Glidepath.Domain.Households;
using Glidepath.Domain.Rebalancing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class StoredProposalConfiguration : IEntityTypeConfiguration<StoredProposal>
{
    public void Configure(EntityTypeBuilder<StoredProposal> builder)
    {
        builder.ToTable("rebalance_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.HouseholdId, p.CreatedUtc });
    }
}
