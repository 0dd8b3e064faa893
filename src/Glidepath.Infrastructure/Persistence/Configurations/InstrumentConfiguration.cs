using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.ToTable("instruments");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Symbol).HasMaxLength(TextLimits.Symbol);
        builder.Property(i => i.Name).HasMaxLength(TextLimits.Name);
        builder.Property(i => i.Exchange).HasMaxLength(TextLimits.Exchange);
        builder.Property(i => i.Isin).HasMaxLength(TextLimits.Isin);
        builder.Property(i => i.PriceProvider).HasMaxLength(32);
        builder.Property(i => i.ProviderSymbol).HasMaxLength(TextLimits.ProviderSymbol);
        builder.Ignore(i => i.IsShared);

        // A private instrument goes with its household. Symbols are unique among the shared
        // instruments and within one household's private ones (a household may keep a private
        // instrument whose symbol the operators list later).
        builder.HasOne<Household>().WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.Symbol, i.Exchange }).IsUnique().HasFilter("household_id IS NULL");
        builder.HasIndex(i => new { i.HouseholdId, i.Symbol, i.Exchange }).IsUnique();
    }
}
