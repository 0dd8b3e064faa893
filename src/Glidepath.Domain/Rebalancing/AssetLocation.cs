using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;

namespace Glidepath.Domain.Rebalancing;

/// <summary>How an account is taxed, for asset location.</summary>
public enum TaxTreatment
{
    /// <summary>Traditional IRA, 401(k): growth taxed as income on withdrawal.</summary>
    TaxDeferred,

    /// <summary>Roth IRA, HSA, 529: qualified withdrawals are tax-free.</summary>
    TaxFree,

    /// <summary>Taxable brokerage: dividends, interest and realised gains taxed every year.</summary>
    Taxable,
}

/// <summary>Asset classes by how they are best located (docs/rebalancing.md, "Asset location").</summary>
public enum LocationCategory
{
    /// <summary>Interest and non-qualified dividends taxed as income each year: bonds, TIPS, real estate, commodities.</summary>
    TaxInefficient,

    /// <summary>The equity with the highest expected growth (emerging markets): tax-free growth is worth most on it.</summary>
    HighGrowthEquity,

    /// <summary>Low-turnover equity with qualified dividends (US, international; foreign tax credit only in taxable).</summary>
    TaxEfficientEquity,
}

/// <summary>
/// The placement order of asset location, after the Bogleheads wiki "Tax-efficient fund placement"
/// (tax-inefficient funds in tax-advantaged accounts, tax-efficient stock funds in taxable, international
/// in taxable for the foreign tax credit) and its "fill Roth accounts with the highest expected returns".
/// </summary>
public static class AssetLocation
{
    /// <summary>Where an account's holdings count: null for accounts that hold no investments (checking, savings, liabilities).</summary>
    public static TaxTreatment? TreatmentOf(AccountType type) => type switch
    {
        AccountType.TraditionalIra or AccountType.Plan401K => TaxTreatment.TaxDeferred,
        AccountType.RothIra or AccountType.Hsa or AccountType.Plan529 => TaxTreatment.TaxFree,
        AccountType.TaxableBrokerage => TaxTreatment.Taxable,
        _ => null,
    };

    public static LocationCategory CategoryOf(AssetClass assetClass) => assetClass switch
    {
        AssetClass.Bonds or AssetClass.Tips or AssetClass.RealEstate or AssetClass.Commodities or AssetClass.Cash => LocationCategory.TaxInefficient,
        AssetClass.EmergingMarkets => LocationCategory.HighGrowthEquity,
        _ => LocationCategory.TaxEfficientEquity,
    };

    /// <summary>Within a category, which class gets the preferred room first (most tax-inefficient first).</summary>
    public static int RankOf(AssetClass assetClass) => assetClass switch
    {
        AssetClass.Bonds => 0,
        AssetClass.RealEstate => 1,
        AssetClass.Tips => 2,
        AssetClass.Commodities => 3,
        AssetClass.Cash => 4,
        AssetClass.EmergingMarkets => 0,
        AssetClass.InternationalEquity => 0,
        AssetClass.UsEquity => 1,
        _ => 9,
    };

    /// <summary>The accounts a category goes to, best first.</summary>
    public static IReadOnlyList<TaxTreatment> Preference(LocationCategory category) => category switch
    {
        LocationCategory.TaxInefficient => [TaxTreatment.TaxDeferred, TaxTreatment.TaxFree, TaxTreatment.Taxable],
        LocationCategory.HighGrowthEquity => [TaxTreatment.TaxFree, TaxTreatment.TaxDeferred, TaxTreatment.Taxable],
        _ => [TaxTreatment.Taxable, TaxTreatment.TaxDeferred, TaxTreatment.TaxFree],
    };

    public static string Describe(LocationCategory category) => category switch
    {
        LocationCategory.TaxInefficient => "tax-inefficient asset",
        LocationCategory.HighGrowthEquity => "highest-expected-growth equity",
        _ => "tax-efficient equity",
    };

    public static string Describe(TaxTreatment treatment) => treatment switch
    {
        TaxTreatment.TaxDeferred => "tax-deferred",
        TaxTreatment.TaxFree => "tax-free",
        _ => "taxable",
    };

    public static string Describe(AssetClass assetClass) => assetClass switch
    {
        AssetClass.UsEquity => "US equity",
        AssetClass.InternationalEquity => "international equity",
        AssetClass.EmergingMarkets => "emerging-markets equity",
        AssetClass.Bonds => "bonds",
        AssetClass.Tips => "TIPS",
        AssetClass.RealEstate => "real estate",
        AssetClass.Commodities => "commodities",
        AssetClass.Unclassified => "unclassified",
        _ => "cash",
    };

    public static string Describe(AccountType type) => type switch
    {
        AccountType.TraditionalIra => "traditional IRA",
        AccountType.Plan401K => "401(k)",
        AccountType.RothIra => "Roth IRA",
        AccountType.Hsa => "HSA",
        AccountType.Plan529 => "529 plan",
        AccountType.TaxableBrokerage => "taxable account",
        _ => "account",
    };
}
