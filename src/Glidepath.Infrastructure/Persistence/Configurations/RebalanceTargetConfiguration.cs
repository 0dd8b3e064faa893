using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Rebalancing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class RebalanceTargetConfiguration : IEntityTypeConfiguration<RebalanceTarget>
{
    public void Configure(EntityTypeBuilder<RebalanceTarget> builder)
    {
        builder.ToTable("rebalance_targets");
        builder.HasKey(t => t.Id);
        builder.HasOne<Household>().WithMany().HasForeignKey(t => t.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(t => t.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(t => t.BuyInstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.HouseholdId);
    }
}
