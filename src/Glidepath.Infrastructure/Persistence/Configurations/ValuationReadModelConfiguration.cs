using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Valuation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glidepath.Infrastructure.Persistence.Configurations;

/// <summary>The daily valuation read model (docs/read-model.md): keyed so a series read is one index range scan.</summary>
internal sealed class ValuationDayConfiguration : IEntityTypeConfiguration<ValuationDayRow>
{
    public void Configure(EntityTypeBuilder<ValuationDayRow> builder)
    {
        builder.ToTable("valuation_days");
        builder.HasKey(d => new { d.HouseholdId, d.Date, d.Currency });
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ValuationGapConfiguration : IEntityTypeConfiguration<ValuationGapRow>
{
    public void Configure(EntityTypeBuilder<ValuationGapRow> builder)
    {
        builder.ToTable("valuation_gaps");
        builder.HasKey(g => new { g.HouseholdId, g.Date });
        builder.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Per account, keyed so one account's series is one index range scan; written and deleted with the household's rows.</summary>
internal sealed class AccountValuationDayConfiguration : IEntityTypeConfiguration<AccountValuationDayRow>
{
    public void Configure(EntityTypeBuilder<AccountValuationDayRow> builder)
    {
        builder.ToTable("account_valuation_days");
        builder.HasKey(d => new { d.HouseholdId, d.AccountId, d.Date, d.Currency });
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccountValuationGapConfiguration : IEntityTypeConfiguration<AccountValuationGapRow>
{
    public void Configure(EntityTypeBuilder<AccountValuationGapRow> builder)
    {
        builder.ToTable("account_valuation_gaps");
        builder.HasKey(g => new { g.HouseholdId, g.AccountId, g.Date });
        builder.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ValuationSeriesStateConfiguration : IEntityTypeConfiguration<ValuationSeriesState>
{
    public void Configure(EntityTypeBuilder<ValuationSeriesState> builder)
    {
        builder.ToTable("valuation_series_states");
        builder.HasKey(s => s.HouseholdId);
        builder.HasOne<Household>().WithMany().HasForeignKey(s => s.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SharedDataVersionConfiguration : IEntityTypeConfiguration<SharedDataVersion>
{
    public void Configure(EntityTypeBuilder<SharedDataVersion> builder)
    {
        builder.ToTable("shared_data_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new SharedDataVersion { Id = 1, Version = 0 });
    }
}
