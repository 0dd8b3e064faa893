using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Aggregation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class AggregationConnectionConfiguration : IEntityTypeConfiguration<AggregationConnection>
{
    public void Configure(EntityTypeBuilder<AggregationConnection> builder)
    {
        builder.ToTable("aggregation_connections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Provider).HasMaxLength(32);
        builder.Property(c => c.ItemId).HasMaxLength(128);
        builder.Property(c => c.InstitutionId).HasMaxLength(64);
        builder.Property(c => c.InstitutionName).HasMaxLength(200);
        builder.Property(c => c.Cursor).HasMaxLength(2000);
        builder.Property(c => c.LastErrorCode).HasMaxLength(100);
        builder.Property(c => c.LastErrorMessage).HasMaxLength(500);
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Accounts).WithOne().HasForeignKey(a => a.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        // One connection per item: exchanging the same item twice is refused.
        builder.HasIndex(c => new { c.Provider, c.ItemId }).IsUnique();
        builder.HasIndex(c => c.HouseholdId);
    }
}

internal sealed class AggregationAccountLinkConfiguration : IEntityTypeConfiguration<AggregationAccountLink>
{
    public void Configure(EntityTypeBuilder<AggregationAccountLink> builder)
    {
        builder.ToTable("aggregation_account_links");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ProviderAccountId).HasMaxLength(128);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Mask).HasMaxLength(16);
        builder.Property(a => a.Type).HasMaxLength(32);
        builder.Property(a => a.Subtype).HasMaxLength(64);
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ConnectionId, a.ProviderAccountId }).IsUnique();
        // A ledger account takes one feed: two connections booking into it would book twice.
        builder.HasIndex(a => a.AccountId).IsUnique();
    }
}
