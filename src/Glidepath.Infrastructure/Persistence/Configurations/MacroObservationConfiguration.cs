using Glidepath.Domain.MarketData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class MacroObservationConfiguration : IEntityTypeConfiguration<MacroObservation>
{
    public void Configure(EntityTypeBuilder<MacroObservation> builder)
    {
        builder.ToTable("macro_observations");

        // One value per series and day; a refresh upserts on this key.
        builder.HasKey(o => new { o.SeriesId, o.Date });
        builder.Property(o => o.SeriesId).HasMaxLength(32);
    }
}
