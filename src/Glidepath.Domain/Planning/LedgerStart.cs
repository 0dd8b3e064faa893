using Glidepath.Domain.Results;
using System.Globalization;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Valuation;

namespace Glidepath.Domain.Planning;

/// <summary>The start taken from the ledger: the balance, the weights when asked for, and what they came from.</summary>
public sealed record LedgerStartValue(DateOnly AsOf, string Currency, double StartBalance, IReadOnlyList<double>? Weights, IReadOnlyList<AccountType> AccountTypes, int Accounts);

/// <summary>
/// A plan's start from the household's holdings (<c>fromLedger</c>): the value of the counted
/// accounts (positions at their closes plus cash, in the household's reporting currency) becomes
/// <c>startBalance</c>; with <c>allocation</c>, each asset's weight is the share of that value in
/// the asset classes it names (<c>assets[i].assetClasses</c>; cash counts as <c>cash</c>).
/// </summary>
public static class LedgerStart
{
    /// <summary>Investment accounts: brokerage, retirement, HSA and 529. Checking, savings, cards and loans are not the portfolio.</summary>
    public static readonly IReadOnlyList<AccountType> DefaultAccountTypes =
        [AccountType.TaxableBrokerage, AccountType.TraditionalIra, AccountType.RothIra, AccountType.Plan401K, AccountType.Hsa, AccountType.Plan529];

    /// <param name="document">A scenario with <c>fromLedger</c>.</param>
    /// <param name="value">The household valued at the close of the as-of date.</param>
    /// <param name="accountTypes">Type of every account in <paramref name="value"/>.</param>
    /// <param name="assetClasses">Asset class of every instrument held.</param>
    public static Result<LedgerStartValue> Compute(
        ScenarioDocument document, HouseholdValue value, IReadOnlyDictionary<Guid, AccountType> accountTypes, IReadOnlyDictionary<Guid, AssetClass> assetClasses)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(accountTypes);
        ArgumentNullException.ThrowIfNull(assetClasses);
        var source = document.FromLedger ?? throw new ArgumentException("the scenario takes nothing from the ledger", nameof(document));
        var types = source.AccountTypes ?? DefaultAccountTypes;
        if (types.Any(t => t.IsLiability()))
        {
            return Problem.Invalid("fromLedger.accountTypes", "credit cards and loans are not part of a portfolio");
        }

        var counted = value.Accounts.Where(a => types.Contains(accountTypes[a.AccountId])).ToList();
        var byClass = new Dictionary<AssetClass, decimal>();
        foreach (var account in counted)
        {
            foreach (var h in account.Holdings)
            {
                var c = assetClasses[h.InstrumentId];
                byClass[c] = byClass.GetValueOrDefault(c) + h.Value;
            }

            byClass[AssetClass.Cash] = byClass.GetValueOrDefault(AssetClass.Cash) + account.Cash;
        }

        var total = counted.Sum(a => a.Total);
        if (total < 0)
        {
            return Problem.Invalid("fromLedger", $"the counted accounts are worth {Text(total)} (negative cash exceeds the holdings)");
        }

        IReadOnlyList<double>? weights = null;
        if (source.Allocation && !Weights(document, byClass, total).TryGet(out weights, out var problem))
        {
            return problem;
        }

        return new LedgerStartValue(value.Date, value.Currency.ToString(), (double)total, weights, [.. types], counted.Count);
    }

    private static Result<IReadOnlyList<double>> Weights(ScenarioDocument d, Dictionary<AssetClass, decimal> byClass, decimal total)
    {
        if (total == 0)
        {
            return Problem.Invalid("fromLedger.allocation", "the counted accounts hold nothing to take weights from");
        }

        var owner = new Dictionary<AssetClass, int>();
        for (var i = 0; i < d.Assets.Count; i++)
        {
            foreach (var c in d.Assets[i].AssetClasses ?? [])
            {
                if (!owner.TryAdd(c, i))
                {
                    return Problem.Invalid($"assets[{i}].assetClasses", $"{c} is already in assets[{owner[c]}].assetClasses");
                }
            }
        }

        var weights = new decimal[d.Assets.Count];
        foreach (var (c, v) in byClass.Where(kv => kv.Value != 0))
        {
            if (!owner.TryGetValue(c, out var i))
            {
                return Problem.Invalid(
                    "fromLedger.allocation", $"holdings of {Text(v)} in asset class {c} belong to no asset; add {c} to one asset's assetClasses");
            }

            weights[i] += v;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < 0)
            {
                return Problem.Invalid($"assets[{i}].assetClasses", $"the holdings of this asset are worth {Text(weights[i])}; a weight cannot be negative");
            }
        }

        // Shares in decimal, then the last weight absorbs the rounding so they sum to exactly 1.
        var shares = weights.Select(w => (double)(w / total)).ToArray();
        shares[^1] = Math.Max(0, 1 - shares[..^1].Sum());
        return Result.Ok<IReadOnlyList<double>>(shares);
    }

    private static string Text(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
