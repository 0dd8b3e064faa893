using Glidepath.Domain.Households;
using Glidepath.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>Cached cash: one row per account and currency.</summary>
internal sealed class CashBalanceConfiguration : IEntityTypeConfiguration<CashBalance>
{
    public void Configure(EntityTypeBuilder<CashBalance> builder)
    {
        builder.ToTable("cash_balances");
        builder.HasKey(c => new { c.AccountId, c.Currency });
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
