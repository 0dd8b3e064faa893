using Glidepath.Application.Alerts;
using Glidepath.Application.Planning;
using Glidepath.Application.Portfolio;
using Glidepath.Application.RiskProfile;
using Glidepath.Application.Validation;
using Glidepath.Domain.Households;
using Glidepath.Domain.Recommendations;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Recommendations;

/// <summary>A recommendation as the household sees it: the advice and what it decided about it (open, accepted).</summary>
public sealed record RecommendationView(Recommendation Advice, RecommendationStatus Status, string? Reason, DateTimeOffset? DecidedUtc);

/// <summary>Today's recommendations of a household, in its reporting currency.</summary>
public sealed record RecommendationList(DateOnly AsOf, string Currency, IReadOnlyList<RecommendationView> Items, int Dismissed);

/// <summary>Accept or dismiss a recommendation; a dismissal needs a reason.</summary>
public sealed record RecommendationDecisionRequest(RecommendationStatus? Status, string? Reason);

/// <summary>
/// A household's recommendations (docs/recommendations.md): gathers the facts the rules read (today's valuation,
/// a year of spending, the risk profiles, the rebalancing and harvesting alerts), runs
/// <see cref="RecommendationRules"/> and applies the household's decisions. A dismissal hides a recommendation
/// until its fingerprint (its inputs, coarsely) changes. The front door has checked access to the household.
/// </summary>
public sealed class HouseholdRecommendations(
    GlidepathDbContext db, PortfolioReads reads, HouseholdAlerts alerts, HouseholdRiskProfiles profiles, PlanSnapshots snapshots, ReturnSeriesLoader series, PlanAdviceCache planAdvice, TimeProvider clock)
{
    public const string NotFoundCode = "recommendation-not-found";

    public async Task<Result<RecommendationList>> ListAsync(Guid householdId, CancellationToken ct)
    {
        if (!(await CurrentAsync(householdId, withPlan: true, ct)).TryGet(out var current, out var problem))
        {
            return problem;
        }

        var decisions = await db.RecommendationDecisions.AsNoTracking().Where(d => d.HouseholdId == householdId).ToDictionaryAsync(d => d.Key, ct);
        var views = current.Advice.Select(a => View(a, decisions.GetValueOrDefault(a.Key))).ToList();
        var shown = views.Where(v => v.Status != RecommendationStatus.Dismissed).ToList();
        return new RecommendationList(current.AsOf, current.Currency, shown, views.Count - shown.Count);
    }

    /// <summary>Records the decision on the current recommendation <paramref name="key"/> (one row per key, replaced by a later decision).</summary>
    public async Task<Result<RecommendationView>> DecideAsync(Guid householdId, string key, RecommendationDecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new InputChecks()
            .Check(request.Status is RecommendationStatus.Accepted or RecommendationStatus.Dismissed, "status", "The status is Accepted or Dismissed.")
            .Check(request.Status != RecommendationStatus.Dismissed || !string.IsNullOrWhiteSpace(request.Reason), "reason", "A dismissal needs a reason.")
            .Check(request.Reason is null || request.Reason.Length <= TextLimits.Description, "reason", $"The reason is at most {TextLimits.Description} characters.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        // The plan's advice takes the Monte Carlo solves: run them only when the decision is about one of them.
        if (!(await CurrentAsync(householdId, PlanLeverRules.Owns(key), ct)).TryGet(out var current, out var problem))
        {
            return problem;
        }

        if (current.Advice.FirstOrDefault(a => a.Key == key) is not { } advice)
        {
            return Problem.NotFound(NotFoundCode, $"'{key}' is not one of the household's current recommendations.");
        }

        var decision = await db.RecommendationDecisions.FirstOrDefaultAsync(d => d.HouseholdId == householdId && d.Key == key, ct);
        if (decision is null)
        {
            decision = new RecommendationDecision { HouseholdId = householdId, Key = key, Fingerprint = advice.Fingerprint };
            db.RecommendationDecisions.Add(decision);
        }

        (decision.Fingerprint, decision.Status, decision.Reason, decision.DecidedUtc) = (advice.Fingerprint, request.Status!.Value, request.Reason?.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return View(advice, decision);
    }

    private static RecommendationView View(Recommendation advice, RecommendationDecision? decision) =>
        decision is not null && decision.Fingerprint == advice.Fingerprint
            ? new RecommendationView(advice, decision.Status, decision.Reason, decision.DecidedUtc)
            : new RecommendationView(advice, RecommendationStatus.Open, null, null);

    private sealed record Current(DateOnly AsOf, string Currency, IReadOnlyList<Recommendation> Advice);

    private async Task<Result<Current>> CurrentAsync(Guid householdId, bool withPlan, CancellationToken ct)
    {
        var today = clock.Today();
        var currency = await reads.ReportingCurrencyAsync(householdId, ct);
        var valued = await reads.ValuationAsync(householdId, today, currency, ct);
        if (valued is null)
        {
            return Problem.NotFound(HouseholdAlerts.HouseholdNotFoundCode, $"Household {householdId} does not exist.");
        }

        if (!valued.TryGet(out var valuation, out var problem))
        {
            return problem;
        }

        var investment = valuation.Value.Accounts.Where(a => valuation.Accounts[a.AccountId].Type is not (AccountType.Checking or AccountType.Savings) && !a.IsLiability).ToList();
        var held = investment.SelectMany(a => a.Holdings).GroupBy(h => h.InstrumentId).ToDictionary(g => g.Key, g => g.Sum(h => h.Value));
        var ids = held.Keys.ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var holdings = instruments.Select(i => new HoldingFact(i.Id, i.Symbol, i.Type, i.AssetClass, held[i.Id])).OrderBy(h => h.Symbol, StringComparer.Ordinal).ToList();
        var liquid = valuation.Value.Accounts.Where(a => valuation.Accounts[a.AccountId].Type is AccountType.Checking or AccountType.Savings).Sum(a => a.Total);

        var risk = await profiles.GetAsync(householdId, ct);
        var level = risk.Current.Count == 0 ? (int?)null : risk.Current.Min(c => c.Profile.RecommendedLevel);
        var drifting = new List<string>();
        var harvest = new HarvestFact(0, 0m, 0m);
        if ((await alerts.ComputeAsync(householdId, today, ct)).TryGet(out var found, out _) && found.Unavailable is null)
        {
            drifting = [.. found.Drift.Select(d => $"{d.Symbol ?? d.AssetClass?.ToString() ?? "?"} in {d.AccountName}")];
            harvest = new HarvestFact(found.Harvest.Count, found.Harvest.Loss, found.Harvest.EstimatedSaving);
        }

        var placed = await PlacedAsync(householdId, today, valuation, investment, instruments, ct);
        var fees = await FeesAsync(householdId, today, currency, valuation, investment, ct);
        var profile = await db.TaxProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.HouseholdId == householdId, ct) ?? HouseholdTaxProfile.Defaults(householdId);
        var facts = new HouseholdFacts(
            holdings, investment.Sum(a => a.Cash), liquid, await MonthlySpendingAsync(householdId, today, currency, ct), level, drifting, harvest,
            placed, fees, new TaxRates(profile.ShortTermRate, profile.LongTermRate));
        // The solves are the read's cost: answered from memory while the snapshot they run is unchanged (PlanAdviceCache).
        var advice = withPlan && await PlanAsync(householdId, ct) is { } plan
            ? planAdvice.GetOrCompute(householdId, plan, () => PlanLeverRules.Evaluate(plan, series.Load, ct))
            : [];
        return new Current(today, currency.Code, RecommendationRules.Evaluate(facts, advice));
    }

    /// <summary>
    /// The plan the Monte Carlo advice reads: the one tested by the household's goal of highest priority (docs/goals.md),
    /// else the household's first plan by name; snapshotted as a run is (<c>fromLedger</c> valued today, inflation filled in).
    /// None when the household has no plan or its snapshot cannot be taken (holdings not valued).
    /// </summary>
    private async Task<PlanFact?> PlanAsync(Guid householdId, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.HouseholdId == householdId && g.PlanId != null).Select(g => new { g.Priority, g.Name, g.PlanId }).ToListAsync(ct);
        var tested = goals.OrderBy(g => g.Priority).ThenBy(g => g.Name, StringComparer.Ordinal).Select(g => g.PlanId).FirstOrDefault();
        var plans = await db.Plans.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(ct);
        var plan = plans.FirstOrDefault(p => p.Id == tested) ?? plans.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).FirstOrDefault();
        if (plan is null)
        {
            return null;
        }

        var parsed = Domain.Planning.ScenarioParser.Parse(plan.ScenarioJson);
        if (!parsed.TryGet(out var document, out _))
        {
            return null;
        }

        var prepared = await snapshots.PrepareAsync(householdId, document, Math.Min(document.Paths, PlanLeverRules.MaxPaths), seed: null, ct, check: false);
        return prepared.TryGet(out var snapshot, out _) ? new PlanFact(plan.Id, plan.Version, plan.Name, snapshot.Document) : null;
    }

    /// <summary>
    /// Each instrument of each investment account with its value today in the reporting currency and its cost basis
    /// converted at the same rate (basis × value / market value in the account's currency), and whether it was sold in a
    /// taxable account in the 30 days to today (any sale: a purchase now could replace it in a wash sale).
    /// </summary>
    private async Task<List<PlacedHolding>> PlacedAsync(
        Guid householdId, DateOnly today, HouseholdValuation valuation, List<Domain.Valuation.AccountValue> investment, List<Domain.Instruments.Instrument> instruments, CancellationToken ct)
    {
        var positions = await reads.PositionsAsync(householdId, today, ct);
        var basis = (positions?.Positions ?? []).Where(p => p.MarketValue is > 0m).ToDictionary(p => (p.Account.Id, p.Instrument.Id), p => p.CostBasis / p.MarketValue!.Value);
        var windowStart = today.AddDays(-30);
        var sold = (await db.Transactions.AsNoTracking()
            .Where(t => t.Type == TransactionType.Sell && t.InstrumentId != null && t.TradeDate >= windowStart && t.TradeDate <= today
                && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId && a.Type == AccountType.TaxableBrokerage))
            .Select(t => t.InstrumentId!.Value)
            .ToListAsync(ct)).ToHashSet();
        var byId = instruments.ToDictionary(i => i.Id);
        return [.. investment.SelectMany(a => a.Holdings.Where(h => byId.ContainsKey(h.InstrumentId)).Select(h =>
        {
            var account = valuation.Accounts[a.AccountId];
            var instrument = byId[h.InstrumentId];
            // Without a market value in the account's currency the basis is taken as the value: neither gain nor loss.
            var cost = basis.TryGetValue((a.AccountId, h.InstrumentId), out var ratio) ? Math.Round(h.Value * ratio, 2) : h.Value;
            return new PlacedHolding(account.Id, account.Name, account.Type, instrument.Id, instrument.Symbol, instrument.AssetClass, h.Value, cost, sold.Contains(h.InstrumentId));
        })).OrderBy(p => p.AccountName, StringComparer.Ordinal).ThenBy(p => p.Symbol, StringComparer.Ordinal)];
    }

    /// <summary>Fee transactions over the 365 days to today per investment account in the reporting currency, against its value today.</summary>
    private async Task<List<AccountFees>> FeesAsync(
        Guid householdId, DateOnly today, Domain.Currencies.Currency currency, HouseholdValuation valuation, List<Domain.Valuation.AccountValue> investment, CancellationToken ct)
    {
        var from = today.AddDays(-364);
        var ids = investment.Select(a => a.AccountId).ToList();
        var fees = (await db.Transactions.AsNoTracking()
            .Where(t => t.Type == TransactionType.Fee && t.TradeDate >= from && t.TradeDate <= today && ids.Contains(t.AccountId))
            .Select(t => new { t.AccountId, t.Amount })
            .ToListAsync(ct))
            .GroupBy(t => t.AccountId).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));
        return [.. investment
            .Where(a => fees.ContainsKey(a.AccountId) && valuation.Accounts[a.AccountId].BaseCurrency == currency)
            .Select(a => new AccountFees(a.AccountId, valuation.Accounts[a.AccountId].Name, a.Total, fees[a.AccountId]))];
    }

    /// <summary>
    /// Withdrawals and fees over the 365 days to <paramref name="today"/>, divided by 12: money that left the household
    /// (transfers between its own accounts are not withdrawals). Accounts in another currency are left out.
    /// </summary>
    private async Task<decimal> MonthlySpendingAsync(Guid householdId, DateOnly today, Domain.Currencies.Currency currency, CancellationToken ct)
    {
        var from = today.AddDays(-364);
        var amounts = await db.Transactions.AsNoTracking()
            .Where(t => (t.Type == TransactionType.Withdrawal || t.Type == TransactionType.Fee) && t.TradeDate >= from && t.TradeDate <= today
                && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId && a.BaseCurrency == currency))
            .Select(t => t.Amount)
            .ToListAsync(ct);
        return Math.Round(amounts.Sum() / 12m, 2);
    }
}
