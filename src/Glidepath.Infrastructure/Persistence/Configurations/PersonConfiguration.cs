using Glidepath.Domain.Households;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.Property(p => p.State).HasMaxLength(TextLimits.State);
    }
}
