using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Import.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class SavedColumnMappingConfiguration : IEntityTypeConfiguration<SavedColumnMapping>
{
    public void Configure(EntityTypeBuilder<SavedColumnMapping> builder)
    {
        builder.ToTable("account_import_mappings");
        builder.HasKey(m => m.AccountId);
        builder.Property(m => m.MappingJson).HasMaxLength(ColumnMapping.MaxJsonLength);
        builder.HasOne<Account>().WithOne().HasForeignKey<SavedColumnMapping>(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
