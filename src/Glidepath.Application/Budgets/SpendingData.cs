using Glidepath.Domain.Budgets;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Valuation;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Valuation;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Budgets;

/// <summary>What a budget or cash-flow report reads: the tree, the reporting currency and the categorised entries of a range of trade dates, converted.</summary>
internal sealed record SpendingSnapshot(
    CategoryTree Tree, Currency Reporting, List<ReportingEntry> Entries, List<UnconvertedAmount> Unconverted, List<BudgetFxOverride> Overrides);

/// <summary>
/// Loads a household's transactions traded from <c>from</c> to <c>to</c> with their categories and split lines, and converts
/// them into the reporting currency (<see cref="ReportingConverter"/>): the month's fixed rate, else the stored rates of the
/// currencies involved up to <c>to</c> (shared, then the household's own, which win on the same day).
/// </summary>
internal static class SpendingData
{
    public static async Task<SpendingSnapshot?> LoadAsync(GlidepathDbContext db, Guid householdId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId).Select(h => new { h.ReportingCurrency }).FirstOrDefaultAsync(ct);
        if (household is null)
        {
            return null;
        }

        var reporting = household.ReportingCurrency;
        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        var transactions = await db.Transactions.AsNoTracking()
            .Where(t => t.TradeDate >= from && t.TradeDate <= to && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(ct);
        var categories = await db.TransactionCategories.AsNoTracking().Include(c => c.Splits)
            .Where(c => c.HouseholdId == householdId && db.Transactions.Any(t => t.Id == c.TransactionId && t.TradeDate >= from && t.TradeDate <= to))
            .ToDictionaryAsync(c => c.TransactionId, ct);
        var overrides = await db.BudgetFxOverrides.AsNoTracking()
            .Where(o => o.HouseholdId == householdId && o.Month >= Months.Of(from) && o.Month <= to).ToListAsync(ct);
        var entries = transactions.OrderBy(t => t.TradeDate).ThenBy(t => t.Id)
            .SelectMany(t => SpendingEntry.Of(t, categories.GetValueOrDefault(t.Id))).ToList();

        var currencies = entries.Select(e => e.Currency).Where(c => c != reporting).Distinct().ToList();
        var book = new PriceBook([], currencies.Count == 0 ? [] : await HouseholdFxRateQuery.RatesAsync(db, householdId, [.. currencies, reporting], to, history: true, ct));
        var converter = new ReportingConverter(reporting, (c, d) => book.Rate(c, reporting, d) is { Found: true } r ? r.Value : null, overrides);
        var (converted, unconverted) = converter.Convert(entries, tree);
        return new SpendingSnapshot(tree, reporting, converted, unconverted, overrides);
    }

    public static UnconvertedAmountDto ToDto(UnconvertedAmount u) => new(Months.Format(u.Month), u.Currency, u.Amount, u.Entries);
}
