using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdOwnerConfiguration : IEntityTypeConfiguration<HouseholdOwner>
{
    public void Configure(EntityTypeBuilder<HouseholdOwner> builder)
    {
        builder.ToTable("household_owners");
        builder.HasKey(o => o.HouseholdId);
        builder.HasIndex(o => o.UserId);
        builder.HasOne<Household>().WithOne().HasForeignKey<HouseholdOwner>(o => o.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdvisorGrantConfiguration : IEntityTypeConfiguration<AdvisorGrant>
{
    public void Configure(EntityTypeBuilder<AdvisorGrant> builder)
    {
        builder.ToTable("advisor_grants");
        builder.HasKey(g => g.Id);
        builder.Ignore(g => g.IsActive);
        builder.Property(g => g.Scope).HasMaxLength(16).HasDefaultValue(GrantScopes.Read);
        builder.HasIndex(g => new { g.HouseholdId, g.AdvisorId });
        builder.HasIndex(g => g.AdvisorId);
        builder.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(g => g.AdvisorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.FamilyId);
        builder.Property(t => t.Methods).HasMaxLength(64);
        builder.HasOne<GlidepathUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>No foreign keys: an audit record outlives the user and household it names.</summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasIndex(e => e.UserId);
        builder.HasIndex(e => e.OccurredUtc);
    }
}

/// <summary>Identity's own tables, renamed to the project's snake_case plural style.</summary>
internal sealed class IdentityTableNames : IEntityTypeConfiguration<GlidepathUser>, IEntityTypeConfiguration<GlidepathRole>
{
    public void Configure(EntityTypeBuilder<GlidepathUser> builder) => builder.ToTable("users");

    public void Configure(EntityTypeBuilder<GlidepathRole> builder) => builder.ToTable("roles");
}
