using System.Globalization;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;

namespace Glidepath.Domain.Recommendations;

/// <summary>
/// The recommendation rules (docs/recommendations.md states each threshold and why). Ranked by kind in this order:
/// emergency fund, save more, retire later, spend less, risk level off profile, harvest, asset location, fee drag,
/// concentration, rebalance, cash drag; within a kind, the larger amount first.
/// </summary>
public static partial class RecommendationRules
{
    /// <summary>Months of spending that checking and savings should cover.</summary>
    public const decimal EmergencyFundMonths = 3m;

    /// <summary>A single stock or bond above this share of the investments is a concentration.</summary>
    public const decimal ConcentrationShare = 0.20m;

    /// <summary>Uninvested cash above this share of the investments is a drag.</summary>
    public const decimal CashDragShare = 0.10m;

    /// <summary>The equity share may differ from the recommended level's by this much.</summary>
    public const decimal RiskTolerance = 0.10m;

    private static readonly string[] Order =
    [
        RecommendationKinds.EmergencyFund, RecommendationKinds.SaveMore, RecommendationKinds.RetireLater, RecommendationKinds.SpendLess,
        RecommendationKinds.RiskLevelOffProfile, RecommendationKinds.Harvest, RecommendationKinds.AssetLocation, RecommendationKinds.FeeDrag,
        RecommendationKinds.Concentration, RecommendationKinds.Rebalance, RecommendationKinds.CashDrag,
    ];

    /// <summary>The rules' recommendations and <paramref name="more"/> (the plan's, <see cref="PlanLeverRules"/>), ranked.</summary>
    public static IReadOnlyList<Recommendation> Evaluate(HouseholdFacts facts, IEnumerable<Recommendation>? more = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var found = new List<Recommendation>();
        EmergencyFund(facts, found);
        RiskLevel(facts, found);
        Harvest(facts, found);
        Concentration(facts, found);
        Rebalance(facts, found);
        CashDrag(facts, found);
        AssetLocation(facts, found);
        FeeDrag(facts, found);
        found.AddRange(more ?? []);
        return [.. found
            .OrderBy(r => Array.IndexOf(Order, r.Kind))
            .ThenByDescending(r => r.Effect.Amount ?? r.Effect.TaxSaved ?? r.Effect.FeesSaved ?? 0m)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })];
    }

    private static void EmergencyFund(HouseholdFacts facts, List<Recommendation> found)
    {
        var target = EmergencyFundMonths * facts.MonthlySpending;
        if (facts.MonthlySpending <= 0m || facts.LiquidCash >= target)
        {
            return;
        }

        var months = Math.Floor(facts.LiquidCash / facts.MonthlySpending);
        var shortfall = target - facts.LiquidCash;
        found.Add(new Recommendation(
            RecommendationKinds.EmergencyFund,
            RecommendationKinds.EmergencyFund,
            0,
            "Build an emergency fund",
            Invariant($"Checking and savings hold {facts.LiquidCash:N0}, {months:0} month(s) of your average spending of {facts.MonthlySpending:N0} a month. Keeping {EmergencyFundMonths:0} months ({target:N0}) in cash means a job loss or a large bill does not force a sale of investments at a bad time. Set aside {shortfall:N0} more."),
            new Dictionary<string, decimal> { ["liquidCash"] = facts.LiquidCash, ["monthlySpending"] = facts.MonthlySpending, ["monthsCovered"] = months, ["target"] = target },
            new RecommendationEffect(Amount: shortfall),
            Invariant($"months:{months:0}"),
            "emergency-fund"));
    }

    private static void RiskLevel(HouseholdFacts facts, List<Recommendation> found)
    {
        var investments = facts.Investments;
        if (facts.RecommendedRiskLevel is not { } level || investments <= 0m)
        {
            return;
        }

        var equity = facts.Holdings.Where(h => RiskLevelPolicy.Equity.Contains(h.AssetClass)).Sum(h => h.Value) / investments;
        var wanted = (decimal)RiskLevelPolicy.EquityShare(level);
        if (Math.Abs(equity - wanted) <= RiskTolerance)
        {
            return;
        }

        var direction = equity > wanted ? "more" : "less";
        found.Add(new Recommendation(
            RecommendationKinds.RiskLevelOffProfile,
            RecommendationKinds.RiskLevelOffProfile,
            0,
            "Bring your mix in line with your risk profile",
            Invariant($"Stocks are {equity:P0} of your investments; your risk profile recommends level {level}, about {wanted:P0} in stocks. Holding {direction} risk than your profile allows means {(equity > wanted ? "larger falls than you said you can bear" : "lower expected growth than you could accept")}. Rebalance towards the level {level} model portfolio."),
            new Dictionary<string, decimal> { ["equityShare"] = Math.Round(equity, 4), ["recommendedEquityShare"] = wanted, ["recommendedLevel"] = level },
            new RecommendationEffect(Amount: Math.Round(Math.Abs(equity - wanted) * investments, 2)),
            Invariant($"level:{level};equity:{Bucket(equity)}"),
            "risk-tolerance-vs-capacity"));
    }

    private static void Harvest(HouseholdFacts facts, List<Recommendation> found)
    {
        if (facts.Harvest.Opportunities == 0 || facts.Harvest.EstimatedSaving <= 0m)
        {
            return;
        }

        found.Add(new Recommendation(
            RecommendationKinds.Harvest,
            RecommendationKinds.Harvest,
            0,
            "Harvest tax losses",
            Invariant($"{facts.Harvest.Opportunities} holding(s) stand {facts.Harvest.Loss:N0} below what you paid. Selling and buying a similar, not substantially identical fund keeps you invested and saves an estimated {facts.Harvest.EstimatedSaving:N0} of tax this year. The proposal never sells inside a wash-sale window."),
            new Dictionary<string, decimal> { ["loss"] = facts.Harvest.Loss, ["estimatedSaving"] = facts.Harvest.EstimatedSaving },
            new RecommendationEffect(TaxSaved: facts.Harvest.EstimatedSaving),
            Invariant($"opportunities:{facts.Harvest.Opportunities}"),
            "tax-loss-harvesting"));
    }

    private static void Concentration(HouseholdFacts facts, List<Recommendation> found)
    {
        var investments = facts.Investments;
        if (investments <= 0m)
        {
            return;
        }

        // Funds already spread the risk over many issuers: only single stocks and bonds count.
        foreach (var holding in facts.Holdings.Where(h => h.Type is InstrumentType.Stock or InstrumentType.Bond))
        {
            var share = holding.Value / investments;
            if (share <= ConcentrationShare)
            {
                continue;
            }

            var excess = holding.Value - (ConcentrationShare * investments);
            found.Add(new Recommendation(
                RecommendationKinds.Concentration,
                $"{RecommendationKinds.Concentration}:{holding.InstrumentId}",
                0,
                $"Reduce your concentration in {holding.Symbol}",
                Invariant($"{holding.Symbol} is {share:P0} of your investments. One company's bad news would then cost you far more than a diversified fund's would. Moving {excess:N0} into broad funds brings it to {ConcentrationShare:P0}."),
                new Dictionary<string, decimal> { ["share"] = Math.Round(share, 4), ["value"] = holding.Value, ["excess"] = Math.Round(excess, 2) },
                new RecommendationEffect(Amount: Math.Round(excess, 2)),
                Invariant($"share:{Bucket(share)}"),
                "diversification-and-concentration"));
        }
    }

    private static void Rebalance(HouseholdFacts facts, List<Recommendation> found)
    {
        if (facts.DriftingTargets.Count == 0)
        {
            return;
        }

        var targets = string.Join(", ", facts.DriftingTargets.Order(StringComparer.Ordinal));
        found.Add(new Recommendation(
            RecommendationKinds.Rebalance,
            RecommendationKinds.Rebalance,
            0,
            "Rebalance your portfolio",
            Invariant($"{facts.DriftingTargets.Count} target(s) drifted outside their band: {targets}. Rebalancing sells what grew past its target and buys what fell behind, which keeps your risk where you set it."),
            new Dictionary<string, decimal> { ["driftingTargets"] = facts.DriftingTargets.Count },
            new RecommendationEffect(),
            "rebalance:" + targets,
            "rebalancing"));
    }

    private static void CashDrag(HouseholdFacts facts, List<Recommendation> found)
    {
        var investments = facts.Investments;
        if (investments <= 0m)
        {
            return;
        }

        var share = facts.InvestmentCash / investments;
        if (share <= CashDragShare)
        {
            return;
        }

        var idle = facts.InvestmentCash - (CashDragShare * investments);
        found.Add(new Recommendation(
            RecommendationKinds.CashDrag,
            RecommendationKinds.CashDrag,
            0,
            "Invest idle cash",
            Invariant($"Cash is {share:P0} of your investment accounts. Cash there earns little and falls behind inflation; investing {idle:N0} according to your targets keeps {CashDragShare:P0} for fees and near-term needs."),
            new Dictionary<string, decimal> { ["cashShare"] = Math.Round(share, 4), ["investmentCash"] = facts.InvestmentCash },
            new RecommendationEffect(Amount: Math.Round(idle, 2)),
            Invariant($"share:{Bucket(share)}"),
            Article: null));
    }

    /// <summary>A share in whole 5-point steps: the fingerprint's resolution, so daily moves keep a dismissal.</summary>
    private static int Bucket(decimal share) => (int)Math.Floor(share * 20m) * 5;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
