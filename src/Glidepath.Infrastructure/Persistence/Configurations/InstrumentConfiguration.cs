using Glidepath.Domain.Instruments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.ToTable("instruments");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Symbol).HasMaxLength(32);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Exchange).HasMaxLength(32);
        builder.Property(i => i.Isin).HasMaxLength(12);
        builder.HasIndex(i => new { i.Symbol, i.Exchange }).IsUnique();
    }
}
