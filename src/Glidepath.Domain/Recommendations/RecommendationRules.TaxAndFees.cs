using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Recommendations;

/// <summary>Asset location and fee drag (docs/recommendations.md states the formulas, yields and benchmark and their sources).</summary>
public static partial class RecommendationRules
{
    /// <summary>Yearly income yield assumed for tax-inefficient assets (bonds, TIPS, REITs), taxed as ordinary income.</summary>
    public const decimal IncomeYield = 0.04m;

    /// <summary>Yearly dividend yield assumed for equity, taxed as qualified dividends.</summary>
    public const decimal DividendYield = 0.015m;

    /// <summary>The swap must move at least this share of the investments to be worth the trades.</summary>
    public const decimal AssetLocationShare = 0.05m;

    /// <summary>What a low-cost portfolio costs a year (index funds and a digital advisor): the fee-drag benchmark.</summary>
    public const decimal FeeBenchmark = 0.0025m;

    /// <summary>An account whose fees over the last year exceed this share of its value has a fee drag.</summary>
    public const decimal FeeDragRate = 0.005m;

    /// <summary>Their income is taxed every year at ordinary rates: they belong in tax-advantaged accounts first.</summary>
    public static readonly IReadOnlySet<AssetClass> TaxInefficient = new HashSet<AssetClass> { AssetClass.Bonds, AssetClass.Tips, AssetClass.RealEstate };

    /// <summary>Equity: qualified dividends and deferred gains, the tax-efficient assets for a taxable account.</summary>
    public static readonly IReadOnlySet<AssetClass> TaxEfficient = new HashSet<AssetClass> { AssetClass.UsEquity, AssetClass.InternationalEquity, AssetClass.EmergingMarkets };

    /// <summary>Tax-deferred and tax-free accounts (docs/rebalancing.md, "Asset location").</summary>
    public static bool IsTaxAdvantaged(AccountType type) =>
        type is AccountType.TraditionalIra or AccountType.Plan401K or AccountType.RothIra or AccountType.Hsa or AccountType.Plan529;

    /// <summary>
    /// Bonds in taxable while equity sits in tax-advantaged accounts: swapping M = min(movable inefficient in taxable,
    /// equity in tax-advantaged) saves M × (income yield × ordinary rate − dividend yield × qualified rate) a year.
    /// Only taxable holdings at or above their basis count (a sale at a loss with the same fund bought in an IRA is a wash
    /// sale disallowed for good, Rev. Rul. 2008-5), and nothing sold in a taxable account in the last 30 days (buying it
    /// again now could replace that sale).
    /// </summary>
    private static void AssetLocation(HouseholdFacts facts, List<Recommendation> found)
    {
        var investments = facts.Investments;
        if (facts.Placed is not { Count: > 0 } placed || facts.Rates is not { } rates || investments <= 0m)
        {
            return;
        }

        var inefficient = placed.Where(p => p.AccountType == AccountType.TaxableBrokerage && TaxInefficient.Contains(p.AssetClass)).ToList();
        var movable = inefficient.Where(p => p.Value >= p.CostBasis && !p.SoldInTaxableRecently).ToList();
        var advantagedEquity = placed.Where(p => IsTaxAdvantaged(p.AccountType) && TaxEfficient.Contains(p.AssetClass)).ToList();
        var equity = advantagedEquity.Where(p => !p.SoldInTaxableRecently).ToList();
        var taxable = movable.Sum(p => p.Value);
        var sheltered = equity.Sum(p => p.Value);
        var amount = Math.Min(taxable, sheltered);
        var saving = amount * ((IncomeYield * rates.Ordinary) - (DividendYield * rates.Qualified));
        if (amount < AssetLocationShare * investments || saving <= 0m)
        {
            return;
        }

        var gain = movable.Sum(p => p.Value - p.CostBasis) * amount / taxable;
        var taxOnSale = gain * rates.Qualified;
        var atLoss = inefficient.Where(p => p.Value < p.CostBasis).Sum(p => p.Value);
        var recent = inefficient.Concat(advantagedEquity).Where(p => p.SoldInTaxableRecently).Sum(p => p.Value);
        var bonds = string.Join(", ", movable.Select(p => p.Symbol).Distinct().Order(StringComparer.Ordinal));
        var stocks = string.Join(", ", equity.Select(p => p.Symbol).Distinct().Order(StringComparer.Ordinal));
        var payback = taxOnSale > 0m ? Invariant($" Selling in the taxable account realises about {gain:N0} of gains ({taxOnSale:N0} of tax at your long-term rate), repaid in {taxOnSale / saving:0.0} years.") : "";
        found.Add(new Recommendation(
            RecommendationKinds.AssetLocation,
            RecommendationKinds.AssetLocation,
            0,
            "Hold bonds in your tax-advantaged accounts",
            Invariant($"Your taxable account holds {taxable:N0} of bonds and other income assets ({bonds}), whose interest is taxed every year at your {rates.Ordinary:P0} rate, while your tax-advantaged accounts hold {sheltered:N0} of stocks ({stocks}). Swapping {amount:N0} (bonds into the tax-advantaged accounts, stocks into taxable) keeps the same mix and saves about {saving:N0} of tax a year.{payback}"),
            new Dictionary<string, decimal>
            {
                ["inefficientInTaxable"] = taxable,
                ["equityInTaxAdvantaged"] = sheltered,
                ["amountToSwap"] = amount,
                ["ordinaryRate"] = rates.Ordinary,
                ["qualifiedRate"] = rates.Qualified,
                ["incomeYield"] = IncomeYield,
                ["dividendYield"] = DividendYield,
                ["gainRealised"] = Math.Round(gain, 2),
                ["taxOnSale"] = Math.Round(taxOnSale, 2),
                ["leftOutAtLoss"] = atLoss,
                ["leftOutRecentlySold"] = recent,
            },
            new RecommendationEffect(Amount: Math.Round(amount, 2), TaxSaved: Math.Round(saving, 2)),
            Invariant($"share:{Bucket(amount / investments)};rates:{rates.Ordinary:0.####}/{rates.Qualified:0.####}"),
            "asset-location"));
    }

    /// <summary>Fees over the last year above <see cref="FeeDragRate"/> of an account's value: the saving is what it paid above <see cref="FeeBenchmark"/>.</summary>
    private static void FeeDrag(HouseholdFacts facts, List<Recommendation> found)
    {
        foreach (var account in facts.Fees ?? [])
        {
            if (account.Value <= 0m)
            {
                continue;
            }

            var rate = account.FeesLastYear / account.Value;
            if (rate <= FeeDragRate)
            {
                continue;
            }

            var saved = account.FeesLastYear - (FeeBenchmark * account.Value);
            found.Add(new Recommendation(
                RecommendationKinds.FeeDrag,
                $"{RecommendationKinds.FeeDrag}:{account.AccountId}",
                0,
                $"Cut the fees in {account.AccountName}",
                Invariant($"{account.AccountName} charged {account.FeesLastYear:N0} in fees over the last year, {rate:P2} of its value of {account.Value:N0}. A portfolio of index funds with a low-cost advisor costs about {FeeBenchmark:P2} a year; at that cost you would keep about {saved:N0} more every year, and fees compound like returns do."),
                new Dictionary<string, decimal>
                {
                    ["feesLastYear"] = account.FeesLastYear,
                    ["value"] = account.Value,
                    ["feeRate"] = Math.Round(rate, 6),
                    ["benchmarkRate"] = FeeBenchmark,
                },
                new RecommendationEffect(FeesSaved: Math.Round(saved, 2)),
                Invariant($"rate:{(int)Math.Floor(rate * 400m)}"),
                "fees"));
        }
    }
}
