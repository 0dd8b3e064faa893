using Glidepath.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.JobName).HasMaxLength(64);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.Property(r => r.Trigger).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(16);
        builder.Property(r => r.Message).HasMaxLength(JobRunMessage.MaxLength);
        // The admin view reads each job's latest runs; retention deletes by start.
        builder.HasIndex(r => new { r.JobName, r.StartedUtc });
        builder.HasIndex(r => r.StartedUtc);
    }
}
