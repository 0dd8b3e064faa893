using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.EventType).HasMaxLength(64);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.Property(n => n.Html).HasMaxLength(8000);
        builder.Ignore(n => n.AnyPending);
        // An erased user's notifications go with them; a deleted household's are purged by its delete.
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Glidepath.Domain.Households.Household>().WithMany().HasForeignKey(n => n.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        // Once per event and user, whatever happens to the dispatcher.
        builder.HasIndex(n => new { n.EventId, n.UserId }).IsUnique();
        // The centre lists a user's newest first; the sender finds what is still owed.
        builder.HasIndex(n => new { n.UserId, n.CreatedUtc });
        builder.HasIndex(n => new { n.EmailPending, n.SmsPending, n.PushPending, n.LivePending });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.UserId, p.EventType, p.Channel });
        builder.Property(p => p.EventType).HasMaxLength(64);
        builder.Property(p => p.Channel).HasMaxLength(16);
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.ToTable("notification_digests");
        builder.HasKey(d => new { d.UserId, d.Day });
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
