using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Advisors;
using Glidepath.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class AdvisorProfileConfiguration : IEntityTypeConfiguration<AdvisorProfile>
{
    public void Configure(EntityTypeBuilder<AdvisorProfile> builder)
    {
        builder.ToTable("advisor_profiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.DisplayName).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Specialities).HasMaxLength(200);
        builder.Property(p => p.Credentials).HasMaxLength(TextLimits.Description);
        builder.Property(p => p.Languages).HasMaxLength(100);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.FeeModel).HasMaxLength(16);
        builder.Property(p => p.FeeNote).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.Bio).HasMaxLength(TextLimits.Notes);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<GlidepathUser>().WithOne().HasForeignKey<AdvisorProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdvisorWeeklyHoursConfiguration : IEntityTypeConfiguration<AdvisorWeeklyHours>
{
    public void Configure(EntityTypeBuilder<AdvisorWeeklyHours> builder)
    {
        builder.ToTable("advisor_weekly_hours");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Day).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(h => h.AdvisorId);
        builder.HasOne<AdvisorProfile>().WithMany().HasForeignKey(h => h.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdvisorAvailabilityExceptionConfiguration : IEntityTypeConfiguration<AdvisorAvailabilityException>
{
    public void Configure(EntityTypeBuilder<AdvisorAvailabilityException> builder)
    {
        builder.ToTable("advisor_availability_exceptions");
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.AdvisorId, x.Date });
        builder.HasOne<AdvisorProfile>().WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("consultations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasMaxLength(16);
        builder.Property(c => c.ClientTimeZone).HasMaxLength(64);
        builder.Property(c => c.Need).HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // No double booking: one booked consultation per advisor and slot start, whatever the race. Cancelled rows
        // stay as history and free the slot; the filter is plain SQL both providers read the same way.
        builder.HasIndex(c => new { c.AdvisorId, c.StartUtc }).IsUnique().HasFilter("status = 'booked'");
        builder.HasIndex(c => c.HouseholdId);
        builder.HasIndex(c => c.ClientId);
        builder.HasOne<AdvisorProfile>().WithMany().HasForeignKey(c => c.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Glidepath.Domain.Households.Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationReviewConfiguration : IEntityTypeConfiguration<ConsultationReview>
{
    public void Configure(EntityTypeBuilder<ConsultationReview> builder)
    {
        builder.ToTable("consultation_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Comment).HasMaxLength(TextLimits.Description);
        // One review per consultation.
        builder.HasIndex(r => r.ConsultationId).IsUnique();
        builder.HasIndex(r => r.AdvisorId);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
