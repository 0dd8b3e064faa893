using Glidepath.Domain.Goals;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("goals");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(TextLimits.Name);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => g.HouseholdId);
        builder.HasIndex(g => g.PlanId);
        builder.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        // A deleted plan or person leaves the goal, untested or dated, rather than deleting it.
        builder.HasOne<Plan>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(g => g.FundingAccounts).WithOne().HasForeignKey(f => f.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalFundingAccountConfiguration : IEntityTypeConfiguration<GoalFundingAccount>
{
    public void Configure(EntityTypeBuilder<GoalFundingAccount> builder)
    {
        builder.ToTable("goal_funding_accounts");
        builder.HasKey(f => new { f.GoalId, f.AccountId });
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
