using Glidepath.Domain.Households;
using Glidepath.Domain.Strategies;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class StrategyConfiguration : IEntityTypeConfiguration<Strategy>
{
    public void Configure(EntityTypeBuilder<Strategy> builder)
    {
        builder.ToTable("strategies");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(TextLimits.Name);
        builder.Property(s => s.Description).HasMaxLength(TextLimits.Description);
        builder.Property(s => s.Allocations).HasConversion(new TargetAllocationsConverter(), TargetAllocationsConverter.Comparer);
        builder.Property(s => s.Proxies).HasConversion(new StrategyProxiesConverter(), StrategyProxiesConverter.Comparer);
        builder.Property(s => s.Rebalancing).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.HiddenReason).HasMaxLength(TextLimits.Description);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(s => s.PublisherHouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(s => s.PublisherUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.PublisherHouseholdId);
        builder.HasIndex(s => s.PublisherUserId);
    }
}

internal sealed class StrategyRevisionConfiguration : IEntityTypeConfiguration<StrategyRevision>
{
    public void Configure(EntityTypeBuilder<StrategyRevision> builder)
    {
        builder.ToTable("strategy_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Allocations).HasConversion(new TargetAllocationsConverter(), TargetAllocationsConverter.Comparer);
        builder.Property(r => r.Rebalancing).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Strategy>().WithMany().HasForeignKey(r => r.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.StrategyId, r.Number }).IsUnique();
    }
}

internal sealed class StrategyFollowConfiguration : IEntityTypeConfiguration<StrategyFollow>
{
    public void Configure(EntityTypeBuilder<StrategyFollow> builder)
    {
        builder.ToTable("strategy_follows");
        builder.HasKey(f => f.Id);
        builder.HasOne<Strategy>().WithMany().HasForeignKey(f => f.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(f => f.HouseholdId).OnDelete(DeleteBehavior.Cascade);

        // A household follows a strategy once: a repeated follow finds the row.
        builder.HasIndex(f => new { f.StrategyId, f.HouseholdId }).IsUnique();
        builder.HasIndex(f => f.HouseholdId);
    }
}

internal sealed class StrategyReportConfiguration : IEntityTypeConfiguration<StrategyReport>
{
    public void Configure(EntityTypeBuilder<StrategyReport> builder)
    {
        builder.ToTable("strategy_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(TextLimits.Description);
        builder.HasOne<Strategy>().WithMany().HasForeignKey(r => r.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.Cascade);

        // One report per user and strategy.
        builder.HasIndex(r => new { r.StrategyId, r.ReporterUserId }).IsUnique();
    }
}
