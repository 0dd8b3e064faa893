using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Ignore(o => o.RemainingQuantity);
        builder.Ignore(o => o.IsOpen);
        builder.Property(o => o.Broker).HasMaxLength(32);
        builder.Property(o => o.BrokerOrderId).HasMaxLength(TextLimits.ExternalId);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(TextLimits.ExternalId);
        builder.HasOne<Household>().WithMany().HasForeignKey(o => o.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(o => o.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredProposal>().WithMany().HasForeignKey(o => o.ProposalId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(o => new { o.HouseholdId, o.Status });
        builder.HasIndex(o => o.Status);
        // A retried POST finds its order by key; a racing duplicate fails this index and answers the winner's order.
        builder.HasIndex(o => new { o.AccountId, o.IdempotencyKey }).IsUnique();
    }
}

internal sealed class OrderTransitionConfiguration : IEntityTypeConfiguration<OrderTransition>
{
    public void Configure(EntityTypeBuilder<OrderTransition> builder)
    {
        builder.ToTable("order_transitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Reason).HasMaxLength(TextLimits.Memo);
        builder.HasOne<Order>().WithMany().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.OrderId, t.AtUtc });
    }
}

/// <summary>
/// No foreign key to the transaction: the ledger's history may be edited like any other (the fill
/// stays as the broker reported it); <see cref="OrderFill.TransactionId"/> is unique.
/// </summary>
internal sealed class OrderFillConfiguration : IEntityTypeConfiguration<OrderFill>
{
    public void Configure(EntityTypeBuilder<OrderFill> builder)
    {
        builder.ToTable("order_fills");
        builder.HasKey(f => f.Id);
        builder.HasOne<Order>().WithMany().HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.OrderId, f.AtUtc });
        builder.HasIndex(f => f.TransactionId).IsUnique();
    }
}

internal sealed class PositionMismatchConfiguration : IEntityTypeConfiguration<PositionMismatch>
{
    public void Configure(EntityTypeBuilder<PositionMismatch> builder)
    {
        builder.ToTable("position_mismatches");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Symbol).HasMaxLength(TextLimits.Symbol);
        builder.HasOne<Household>().WithMany().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.HouseholdId, m.AccountId });
    }
}
