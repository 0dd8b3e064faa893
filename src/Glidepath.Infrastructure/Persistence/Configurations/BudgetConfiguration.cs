using Glidepath.Domain.Budgets;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>One budget per expense category of a household (docs/budgets.md); deleted with the household or the category.</summary>
internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        builder.ToTable("budgets");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => new { b.HouseholdId, b.CategoryId }).IsUnique();
        builder.HasIndex(b => b.CategoryId);
        builder.HasOne<Household>().WithMany().HasForeignKey(b => b.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(b => b.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A household's fixed rate for a budget month and currency (docs/budgets.md, "Currencies").</summary>
internal sealed class BudgetFxOverrideConfiguration : IEntityTypeConfiguration<BudgetFxOverride>
{
    public void Configure(EntityTypeBuilder<BudgetFxOverride> builder)
    {
        builder.ToTable("budget_fx_overrides");
        builder.Property(o => o.Currency).HasColumnName("currency");
        builder.Property(o => o.ReportingCurrency).HasColumnName("reporting_currency");
        builder.HasKey(o => new { o.HouseholdId, o.Month, o.Currency, o.ReportingCurrency });
        builder.HasOne<Household>().WithMany().HasForeignKey(o => o.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
