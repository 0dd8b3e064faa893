using Glidepath.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class SimulationRunConfiguration : IEntityTypeConfiguration<SimulationRun>
{
    public void Configure(EntityTypeBuilder<SimulationRun> builder)
    {
        builder.ToTable("simulation_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // The full 64-bit seed, stored bit for bit in a signed column (both providers).
        builder.Property(r => r.Seed).HasConversion(v => unchecked((long)v), v => unchecked((ulong)v));
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.LeaseOwner).HasMaxLength(200);
        builder.Ignore(r => r.IsFinished);
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.HouseholdId, r.PlanId });
        // Restart recovery looks for unfinished runs.
        builder.HasIndex(r => r.Status);
        // The claim's fairness counts a user's running runs and finds when they were last served.
        builder.HasIndex(r => new { r.RequestedBy, r.Status });
    }
}
