using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.HasOne<Household>().WithMany().HasForeignKey(o => o.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(o => o.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredProposal>().WithMany().HasForeignKey(o => o.ProposalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(o => new { o.HouseholdId, o.Status });
    }
}
