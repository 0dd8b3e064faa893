using Glidepath.Domain.Categories;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Budgets;

/// <summary>
/// One categorised amount of cash moved: a transaction's signed cash amount with its category, or one of its split lines
/// with the line's own category. Signed (in positive, out negative), in <see cref="Currency"/>.
/// </summary>
public sealed record SpendingEntry(DateOnly Date, Guid? CategoryId, decimal Amount, Currency Currency, string Payee)
{
    /// <summary>A transaction's entries: one per split line when it has them, else one for the whole signed amount.</summary>
    public static IEnumerable<SpendingEntry> Of(Transaction transaction, TransactionCategory? category)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var payee = category?.Payee ?? CashFlow.PayeeOf(transaction.Memo);
        if (category is { Splits.Count: > 0 })
        {
            return category.Splits.OrderBy(s => s.Line).Select(s => new SpendingEntry(transaction.TradeDate, s.CategoryId, s.Amount, transaction.Currency, payee));
        }

        return [new SpendingEntry(transaction.TradeDate, category?.CategoryId, CashFlow.SignedAmount(transaction), transaction.Currency, payee)];
    }
}

/// <summary>An entry in the reporting currency, with the kind of its category (null: uncategorised).</summary>
public sealed record ReportingEntry(DateOnly Date, Guid? CategoryId, CategoryKind? Kind, decimal Amount, string Payee);

/// <summary>Amounts that could not be converted for want of a rate: per month and currency, in that currency.</summary>
public sealed record UnconvertedAmount(DateOnly Month, string Currency, decimal Amount, int Entries);

/// <summary>
/// Converts entries into the reporting currency (docs/budgets.md, "Currencies"): at the household's override for the
/// entry's month and currency when it has one, else at the stored rate of the trade date (the last one on or before it,
/// the household's own rate winning over the shared one; direct, inverted or through USD). Unrounded; reports round their
/// totals.
/// </summary>
public sealed class ReportingConverter(Currency reporting, Func<Currency, DateOnly, decimal?> storedRate, IEnumerable<BudgetFxOverride> overrides)
{
    private readonly Dictionary<(DateOnly, Currency), decimal> _overrides = overrides
        .Where(o => o.ReportingCurrency == reporting)
        .ToDictionary(o => (Months.Of(o.Month), o.Currency), o => o.Rate);

    public Currency Reporting => reporting;

    /// <summary>Units of the reporting currency per unit of <paramref name="currency"/> for an entry traded on <paramref name="date"/>, or null.</summary>
    public decimal? Rate(Currency currency, DateOnly date) =>
        currency == reporting ? 1m
        : _overrides.TryGetValue((Months.Of(date), currency), out var fixedRate) ? fixedRate
        : storedRate(currency, date);

    /// <summary>The converted entries and, per month and currency, what had no rate.</summary>
    public (List<ReportingEntry> Converted, List<UnconvertedAmount> Unconverted) Convert(IEnumerable<SpendingEntry> entries, CategoryTree tree)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(tree);
        var converted = new List<ReportingEntry>();
        var missing = new List<SpendingEntry>();
        foreach (var e in entries)
        {
            if (Rate(e.Currency, e.Date) is not { } rate)
            {
                missing.Add(e);
                continue;
            }

            var category = e.CategoryId is { } id ? tree.Find(id) : null;
            converted.Add(new ReportingEntry(e.Date, category?.Id, category is null ? null : tree.KindOf(category), e.Amount * rate, e.Payee));
        }

        return (converted, [.. missing.GroupBy(e => (Months.Of(e.Date), e.Currency.Code))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new UnconvertedAmount(g.Key.Item1, g.Key.Code, g.Sum(e => e.Amount), g.Count()))]);
    }
}
