using Glidepath.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class FxRateConfiguration : IEntityTypeConfiguration<FxRate>
{
    public void Configure(EntityTypeBuilder<FxRate> builder)
    {
        builder.ToTable("fx_rates");
        builder.Property(r => r.Base).HasColumnName("base_currency");
        builder.Property(r => r.Quote).HasColumnName("quote_currency");
        builder.HasKey(r => new { r.Base, r.Quote, r.Date });
    }
}
