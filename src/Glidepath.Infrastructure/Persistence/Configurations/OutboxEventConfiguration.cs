using Glidepath.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("outbox_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.State).HasMaxLength(16);
        // No foreign key to households: a deleted household's events are purged by retention, and
        // the outbox never blocks the delete that caused it.
        // The dispatcher reads pending rows oldest first.
        builder.HasIndex(e => new { e.State, e.CreatedUtc });
        builder.HasIndex(e => new { e.HouseholdId, e.CreatedUtc });
    }
}
