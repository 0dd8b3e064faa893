using Glidepath.Domain.Households;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(TextLimits.Name);
        builder.Property(a => a.Institution).HasMaxLength(TextLimits.Institution);
        // Encrypted columns (Encryption/ProtectedColumns.cs puts the converters on): unbounded text, as
        // ciphertext is longer than its plaintext.
        builder.Property(a => a.Number).HasColumnName("account_number");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Broker).HasMaxLength(32).HasDefaultValue("paper");
        builder.Property(a => a.BrokerAccountId).HasMaxLength(TextLimits.BrokerAccountId);

        // Deleting an owner makes the account joint rather than deleting its history.
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
