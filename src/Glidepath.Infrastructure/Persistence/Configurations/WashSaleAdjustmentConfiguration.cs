using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLots.WashSales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Cached wash-sale matches (part of the derived ledger state), one row per loss piece and replacement.</summary>
internal sealed class WashSaleAdjustmentConfiguration : IEntityTypeConfiguration<WashSaleAdjustment>
{
    public void Configure(EntityTypeBuilder<WashSaleAdjustment> builder)
    {
        builder.ToTable("wash_sale_adjustments");
        builder.Property<long>(LedgerCacheKeys.Id).ValueGeneratedOnAdd();
        builder.HasKey(LedgerCacheKeys.Id);
        builder.HasOne<Account>().WithMany().HasForeignKey(w => w.SoldAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(w => w.ReplacementAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(w => w.SoldInstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(w => w.ReplacementInstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.SaleTransactionId);
    }
}
