using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Cached open lots. A lot id can recur in one account (transferred out and back), so rows get a surrogate key.</summary>
internal sealed class TaxLotConfiguration : IEntityTypeConfiguration<TaxLot>
{
    public void Configure(EntityTypeBuilder<TaxLot> builder)
    {
        builder.ToTable("tax_lots");
        builder.Property<long>(LedgerCacheKeys.Id).ValueGeneratedOnAdd();
        builder.HasKey(LedgerCacheKeys.Id);
        builder.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(l => l.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.AccountId, l.InstrumentId });
    }
}
