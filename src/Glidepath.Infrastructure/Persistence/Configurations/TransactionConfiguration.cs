using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Text;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence.Conversions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class TransactionConfiguration : IEntityTypeConfiguration<Transaction>
{
    public void Configure(EntityTypeBuilder<Transaction> builder)
    {
        builder.ToTable("transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ExternalId).HasMaxLength(TextLimits.ExternalId);
        // Memo is encrypted (Encryption/ProtectedColumns.cs): unbounded text, as ciphertext is longer than its plaintext.
        builder.Property(t => t.LotSelections)
            .HasConversion(new LotSelectionsConverter(), LotSelectionsConverter.Comparer);

        // History is the source of truth: an account or instrument with transactions cannot be deleted by accident.
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(t => t.InstrumentId).OnDelete(DeleteBehavior.Restrict);

        // Re-importing a file adds nothing: one row per (account, external id). NULLs stay distinct on both providers.
        builder.HasIndex(t => new { t.AccountId, t.ExternalId }).IsUnique();
        builder.HasIndex(t => new { t.AccountId, t.TradeDate });
        builder.HasIndex(t => t.TransferId);
    }
}
