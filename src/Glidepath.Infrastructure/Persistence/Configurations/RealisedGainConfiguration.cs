using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Cached realised gains, one row per (sale, lot relieved); Gain and ReportableGain are computed, not stored.</summary>
internal sealed class RealisedGainConfiguration : IEntityTypeConfiguration<RealisedGain>
{
    public void Configure(EntityTypeBuilder<RealisedGain> builder)
    {
        builder.ToTable("realised_gains");
        builder.Property<long>(LedgerCacheKeys.Id).ValueGeneratedOnAdd();
        builder.HasKey(LedgerCacheKeys.Id);
        builder.Ignore(g => g.Gain);
        builder.Ignore(g => g.ReportableGain);
        builder.HasOne<Account>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(g => g.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.AccountId, g.SoldDate });
    }
}
