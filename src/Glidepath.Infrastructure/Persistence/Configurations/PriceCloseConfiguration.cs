using Glidepath.Domain.Instruments;
using Glidepath.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class PriceCloseConfiguration : IEntityTypeConfiguration<PriceClose>
{
    public void Configure(EntityTypeBuilder<PriceClose> builder)
    {
        builder.ToTable("prices");

        // One close per instrument and day; imports upsert on this key.
        builder.HasKey(p => new { p.InstrumentId, p.Date });
        builder.HasOne<Instrument>().WithMany().HasForeignKey(p => p.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
