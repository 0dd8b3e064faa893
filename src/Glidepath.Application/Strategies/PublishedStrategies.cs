using System.Globalization;
using Glidepath.Application.Errors;
using Glidepath.Application.Events;
using Glidepath.Application.Validation;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Results;
using Glidepath.Domain.Strategies;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Infrastructure.Rebalancing;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Strategies;

/// <summary>
/// Published strategies (docs/strategies.md): a household's owner publishes one of its model portfolios; anyone signed
/// in lists and reads the visible ones and their performance since publication; a household follows (notified of
/// changes through the outbox, <c>strategy.updated</c>) or copies one into its own model portfolios and targets; users
/// report, admins hide. What is stored and answered is weights, a rule and shared proxies: never holdings or amounts.
/// </summary>
public sealed class PublishedStrategies(GlidepathDbContext db, TimeProvider clock, IEventOutbox outbox, RebalanceTargetStore targets)
{
    /// <summary>Who asks: hidden strategies are visible to admins and to their publisher only.</summary>
    public sealed record Viewer(Guid UserId, bool IsAdmin);

    public async Task<IReadOnlyList<StrategyDto>> ListAsync(Viewer viewer, CancellationToken ct)
    {
        var strategies = await db.Strategies.AsNoTracking()
            .Where(s => s.HiddenUtc == null || viewer.IsAdmin || s.PublisherUserId == viewer.UserId)
            .ToListAsync(ct);
        return await ToDtosAsync([.. strategies.OrderByDescending(s => s.PublishedUtc).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)], viewer, ct);
    }

    public async Task<Result<StrategyDto>> GetAsync(Guid strategyId, Viewer viewer, CancellationToken ct) =>
        await FindVisibleAsync(strategyId, viewer, ct) is { } strategy ? (await ToDtosAsync([strategy], viewer, ct))[0] : NotFound(strategyId);

    public async Task<Result<StrategyDto>> PublishAsync(Guid householdId, Guid userId, bool byAdvisor, PublishStrategyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = request.ModelPortfolioId is { } modelId
            ? await db.ModelPortfolios.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId && m.HouseholdId == householdId, ct)
            : null;
        var name = (request.Name ?? model?.Name ?? "").Trim();
        var checks = new InputChecks()
            .Check(request.ModelPortfolioId is not null, "modelPortfolioId", "Name the model portfolio to publish.")
            .Check(request.ModelPortfolioId is null || model is not null, "modelPortfolioId", "Not a model portfolio of this household.")
            .Check(request.Name is null || name.Length > 0, "name", "The name cannot be blank.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Description, "description", TextLimits.Description)
            .Check(request.Rebalancing is null || Enum.IsDefined(request.Rebalancing.Value), "rebalancing", "The rule is BuyAndHold, Monthly, Quarterly or Annually.");
        if (checks.Failed || model is null)
        {
            return checks.ToProblem();
        }

        var proxies = await ResolveProxiesAsync(model.Allocations, request.Proxies, [], ct);
        if (!proxies.TryGet(out var resolved, out var problem))
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var rule = request.Rebalancing ?? RebalancingRule.Quarterly;
        var strategy = new Strategy
        {
            PublisherUserId = userId,
            PublisherHouseholdId = householdId,
            ByAdvisor = byAdvisor,
            Name = name,
            Description = (request.Description ?? model.Description).Trim(),
            Allocations = [.. model.Allocations.OrderBy(a => a.AssetClass)],
            Rebalancing = rule,
            Proxies = resolved,
            PublishedUtc = now,
            PublishedOn = clock.Today(),
            UpdatedUtc = now,
        };
        db.Strategies.Add(strategy);
        db.StrategyRevisions.Add(new StrategyRevision
        {
            StrategyId = strategy.Id,
            Number = 1,
            EffectiveOn = strategy.PublishedOn,
            Allocations = [.. strategy.Allocations],
            Rebalancing = rule,
            CreatedUtc = now,
        });
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([strategy], new Viewer(userId, false), ct))[0];
    }

    /// <summary>The publisher's change, with a <c>strategy.updated</c> event for every following household in the same save.</summary>
    public async Task<Result<StrategyDto>> UpdateAsync(Guid strategyId, Viewer viewer, UpdateStrategyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = await FindVisibleAsync(strategyId, viewer, ct, tracked: true);
        if (strategy is null)
        {
            return NotFound(strategyId);
        }

        if (strategy.PublisherUserId != viewer.UserId)
        {
            return Problem.Forbidden(StrategyErrorCodes.NotThePublisher, "Only the user who published the strategy changes it.");
        }

        var checks = new InputChecks()
            .Check(request.Name is null || request.Name.Trim().Length > 0, "name", "The name cannot be blank.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Description, "description", TextLimits.Description)
            .Check(request.Rebalancing is null || Enum.IsDefined(request.Rebalancing.Value), "rebalancing", "The rule is BuyAndHold, Monthly, Quarterly or Annually.")
            .Check(request.Allocations?.Any(a => a is null) != true, "allocations", "An allocation in the list is null.");
        if (request.Allocations is { } given && given.All(a => a is not null) && ModelPortfolioRules.Check(given) is { } broken)
        {
            checks.Add("allocations", broken);
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var allocations = request.Allocations?.OrderBy(a => a.AssetClass).ToList() ?? strategy.Allocations;
        var proxies = await ResolveProxiesAsync(allocations, request.Proxies, strategy.Proxies, ct);
        if (!proxies.TryGet(out var resolved, out var problem))
        {
            return problem;
        }

        var rule = request.Rebalancing ?? strategy.Rebalancing;
        var targetsChanged = !allocations.SequenceEqual(strategy.Allocations) || rule != strategy.Rebalancing;
        var detailsChanged = (request.Name is not null && request.Name.Trim() != strategy.Name)
            || (request.Description is not null && request.Description.Trim() != strategy.Description);
        var now = clock.GetUtcNow();
        strategy.Name = request.Name?.Trim() ?? strategy.Name;
        strategy.Description = request.Description?.Trim() ?? strategy.Description;
        strategy.Proxies = resolved;
        if (targetsChanged)
        {
            strategy.Allocations = allocations;
            strategy.Rebalancing = rule;
            strategy.Revision++;
            db.StrategyRevisions.Add(new StrategyRevision
            {
                StrategyId = strategy.Id,
                Number = strategy.Revision,
                EffectiveOn = clock.Today(),
                Allocations = [.. allocations],
                Rebalancing = rule,
                CreatedUtc = now,
            });
        }

        if (targetsChanged || detailsChanged)
        {
            strategy.UpdatedUtc = now;
            strategy.Version++;
            var summary = targetsChanged
                ? string.Join(", ", allocations.Where(a => a.Weight > 0m).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.AssetClass} {a.Weight:0.##%}"))) + $", rebalanced {Describe(rule)}."
                : "New name or description.";
            await NotifyFollowersAsync(strategy, targetsChanged ? "targets" : "details", summary, ct);
        }

        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([strategy], viewer, ct))[0];
    }

    public async Task<Result<StrategyPerformanceDto>> PerformanceAsync(Guid strategyId, Viewer viewer, DateOnly? to, CancellationToken ct)
    {
        var strategy = await FindVisibleAsync(strategyId, viewer, ct);
        if (strategy is null)
        {
            return NotFound(strategyId);
        }

        var end = to ?? clock.Today();
        if (end < strategy.PublishedOn)
        {
            return Problem.Invalid("to", "The end date is before the strategy's publication.");
        }

        var revisions = await db.StrategyRevisions.AsNoTracking().Where(r => r.StrategyId == strategyId).OrderBy(r => r.Number).ToListAsync(ct);
        var ids = strategy.Proxies.Select(p => p.InstrumentId).ToList();
        var closes = await db.Prices.AsNoTracking().Where(p => ids.Contains(p.InstrumentId) && p.Date <= end).ToListAsync(ct);
        var byInstrument = closes.GroupBy(c => c.InstrumentId).ToDictionary(g => g.Key, g => (IReadOnlyList<PriceClose>)[.. g.OrderBy(c => c.Date)]);
        var byClass = strategy.Proxies.Where(p => byInstrument.ContainsKey(p.InstrumentId)).ToDictionary(p => p.AssetClass, p => byInstrument[p.InstrumentId]);
        var periods = revisions.Select(r => new StrategyPeriod(r.EffectiveOn, r.Allocations, r.Rebalancing)).ToList();
        var result = StrategyPerformance.Compute(periods, byClass, end);
        return new StrategyPerformanceDto(
            strategy.Id, strategy.PublishedOn, result.BaseDate, result.EndDate, result.Ttwror, result.AnnualisedTtwror, result.MaxDrawdown, result.PeakDate, result.TroughDate,
            result.Rebalances, [.. revisions.Select(r => new StrategyRevisionDto(r.Number, r.EffectiveOn, r.Allocations, r.Rebalancing))], result.Points);
    }

    public async Task<IReadOnlyList<StrategyFollowDto>> FollowingAsync(Guid householdId, Viewer viewer, CancellationToken ct)
    {
        var follows = await db.StrategyFollows.AsNoTracking().Where(f => f.HouseholdId == householdId)
            .Join(db.Strategies.AsNoTracking(), f => f.StrategyId, s => s.Id, (f, s) => new { f, s })
            .Where(x => x.s.HiddenUtc == null || viewer.IsAdmin || x.s.PublisherUserId == viewer.UserId)
            .ToListAsync(ct);
        return [.. follows.OrderBy(x => x.s.Name, StringComparer.Ordinal).ThenBy(x => x.s.Id).Select(x => new StrategyFollowDto(x.s.Id, x.s.Name, x.s.Revision, x.f.FollowedUtc))];
    }

    /// <summary>Idempotent: following again answers the existing follow (<c>IsNew</c> false).</summary>
    public async Task<Result<(StrategyFollowDto Follow, bool IsNew)>> FollowAsync(Guid householdId, Guid strategyId, Viewer viewer, CancellationToken ct)
    {
        var strategy = await FindVisibleAsync(strategyId, viewer, ct);
        if (strategy is null || strategy.HiddenUtc is not null)
        {
            return NotFound(strategyId);
        }

        var existing = await db.StrategyFollows.AsNoTracking().FirstOrDefaultAsync(f => f.HouseholdId == householdId && f.StrategyId == strategyId, ct);
        if (existing is not null)
        {
            return (new StrategyFollowDto(strategy.Id, strategy.Name, strategy.Revision, existing.FollowedUtc), false);
        }

        var follow = new StrategyFollow { StrategyId = strategyId, HouseholdId = householdId, FollowedUtc = clock.GetUtcNow() };
        db.StrategyFollows.Add(follow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A parallel follow of the same pair won the unique index: answer its row.
            db.Entry(follow).State = EntityState.Detached;
            var winner = await db.StrategyFollows.AsNoTracking().FirstAsync(f => f.HouseholdId == householdId && f.StrategyId == strategyId, ct);
            return (new StrategyFollowDto(strategy.Id, strategy.Name, strategy.Revision, winner.FollowedUtc), false);
        }

        return (new StrategyFollowDto(strategy.Id, strategy.Name, strategy.Revision, follow.FollowedUtc), true);
    }

    public async Task<Result<Guid>> UnfollowAsync(Guid householdId, Guid strategyId, CancellationToken ct)
    {
        var follow = await db.StrategyFollows.FirstOrDefaultAsync(f => f.HouseholdId == householdId && f.StrategyId == strategyId, ct);
        if (follow is null)
        {
            return Problem.NotFound(StrategyErrorCodes.StrategyNotFound, $"The household does not follow strategy {strategyId}.");
        }

        db.StrategyFollows.Remove(follow);
        await db.SaveChangesAsync(ct);
        return strategyId;
    }

    /// <summary>
    /// A model portfolio with the strategy's weights and, unless <c>setTargets</c> is false, the household-wide targets
    /// replaced by it, in one save. A class target buys the instrument named in <c>buyInstrumentIds</c>, else what the old
    /// target bought or the household holds of the class (docs/rebalancing.md), else the strategy's proxy.
    /// </summary>
    public async Task<Result<StrategyCopyDto>> CopyAsync(Guid householdId, Guid strategyId, Viewer viewer, CopyStrategyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = await FindVisibleAsync(strategyId, viewer, ct);
        if (strategy is null || strategy.HiddenUtc is not null)
        {
            return NotFound(strategyId);
        }

        var name = (request.Name ?? strategy.Name).Trim();
        var buys = request.BuyInstrumentIds ?? new Dictionary<AssetClass, Guid>();
        var named = buys.Values.ToList();
        var classes = await db.Instruments.AsNoTracking().UsableBy(householdId).Where(i => named.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.AssetClass, ct);
        var checks = new InputChecks()
            .Check(name.Length > 0, "name", "The name cannot be blank.")
            .CheckLength(name, "name", TextLimits.Name);
        foreach (var (assetClass, instrumentId) in buys)
        {
            checks.Check(classes.TryGetValue(instrumentId, out var actual) && actual == assetClass, $"buyInstrumentIds.{assetClass}", $"Instrument {instrumentId} is not a known {assetClass} instrument.");
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (await db.ModelPortfolios.AnyAsync(m => m.HouseholdId == householdId && m.Name == name, ct))
        {
            return Problem.Conflict(ErrorCodes.DuplicateModelPortfolio, $"The household already has a model portfolio named '{name}'; give the copy another name.");
        }

        var model = new ModelPortfolio
        {
            HouseholdId = householdId,
            Name = name,
            Description = $"Copied from the strategy '{strategy.Name}' (revision {strategy.Revision}). {strategy.Description}".Trim(),
            Allocations = [.. strategy.Allocations],
            CreatedUtc = clock.GetUtcNow(),
        };
        if (model.Description.Length > TextLimits.Description)
        {
            model.Description = model.Description[..TextLimits.Description];
        }

        db.ModelPortfolios.Add(model);
        if (request.SetTargets == false)
        {
            await db.SaveChangesAsync(ct);
            return new StrategyCopyDto(model.Id, model.Name, model.Allocations, false);
        }

        // The proxy buys a class only where the household has no choice of its own (a held instrument or an old target's).
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).Select(a => a.Id).ToListAsync(ct);
        var heldIds = await db.Positions.AsNoTracking().Where(p => accounts.Contains(p.AccountId) && p.Quantity > 0m).Select(p => p.InstrumentId).Distinct().ToListAsync(ct);
        var heldClasses = await db.Instruments.AsNoTracking().Where(i => heldIds.Contains(i.Id)).Select(i => i.AssetClass).Distinct().ToListAsync(ct);
        var targetClasses = await db.RebalanceTargets.AsNoTracking().Where(t => t.HouseholdId == householdId && t.AccountId == null && t.BuyInstrumentId != null)
            .Select(t => t.AssetClass).ToListAsync(ct);
        var merged = new Dictionary<AssetClass, Guid>(buys);
        foreach (var proxy in strategy.Proxies.Where(p => !merged.ContainsKey(p.AssetClass) && !heldClasses.Contains(p.AssetClass) && !targetClasses.Contains(p.AssetClass)))
        {
            merged[proxy.AssetClass] = proxy.InstrumentId;
        }

        var replaced = await targets.ReplaceFromModelAsync(householdId, model, null, 0.05m, 0.25m, merged, clock.Today(), ct);
        if (!replaced.Succeeded)
        {
            db.Entry(model).State = EntityState.Detached;
            return replaced.Problem!;
        }

        return new StrategyCopyDto(model.Id, model.Name, model.Allocations, true);
    }

    public async Task<Result<StrategyReportDto>> ReportAsync(Guid strategyId, Viewer viewer, ReportStrategyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = await FindVisibleAsync(strategyId, viewer, ct);
        if (strategy is null)
        {
            return NotFound(strategyId);
        }

        var reason = (request.Reason ?? "").Trim();
        var checks = new InputChecks()
            .Check(reason.Length > 0, "reason", "Say what is wrong with the strategy.")
            .CheckLength(reason, "reason", TextLimits.Description);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (await db.StrategyReports.AnyAsync(r => r.StrategyId == strategyId && r.ReporterUserId == viewer.UserId, ct))
        {
            return Problem.Conflict(StrategyErrorCodes.AlreadyReported, "You reported this strategy already; the moderators have it.");
        }

        var report = new StrategyReport { StrategyId = strategyId, ReporterUserId = viewer.UserId, Reason = reason, CreatedUtc = clock.GetUtcNow() };
        db.StrategyReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(report).State = EntityState.Detached;
            return Problem.Conflict(StrategyErrorCodes.AlreadyReported, "You reported this strategy already; the moderators have it.");
        }

        return new StrategyReportDto(report.Id, strategyId, report.Reason, report.CreatedUtc);
    }

    public async Task<IReadOnlyList<AdminStrategyDto>> AdminListAsync(Guid adminId, CancellationToken ct)
    {
        var strategies = await db.Strategies.AsNoTracking().ToListAsync(ct);
        var reports = (await db.StrategyReports.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.StrategyId);
        var dtos = await ToDtosAsync(strategies, new Viewer(adminId, true), ct);
        return [.. dtos.Select(d => new AdminStrategyDto(d, reports[d.Id].Count(), [.. reports[d.Id].OrderBy(r => r.CreatedUtc).Select(r => r.Reason)]))
            .OrderByDescending(a => a.Reports).ThenBy(a => a.Strategy.Hidden).ThenBy(a => a.Strategy.Name, StringComparer.Ordinal).ThenBy(a => a.Strategy.Id)];
    }

    /// <summary>Hides (<paramref name="hide"/>) or shows again; hiding tells the followers.</summary>
    public async Task<Result<StrategyDto>> ModerateAsync(Guid strategyId, Guid adminId, bool hide, HideStrategyRequest? request, CancellationToken ct)
    {
        var strategy = await db.Strategies.FirstOrDefaultAsync(s => s.Id == strategyId, ct);
        if (strategy is null)
        {
            return NotFound(strategyId);
        }

        var reason = request?.Reason?.Trim();
        var checks = new InputChecks().CheckLength(reason, "reason", TextLimits.Description);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (hide && strategy.HiddenUtc is null)
        {
            strategy.HiddenUtc = clock.GetUtcNow();
            strategy.HiddenBy = adminId;
            strategy.HiddenReason = string.IsNullOrEmpty(reason) ? null : reason;
            strategy.Version++;
            await NotifyFollowersAsync(strategy, "hidden", "A moderator hid the strategy: it is no longer listed, and copies already made stay yours.", ct);
        }
        else if (!hide && strategy.HiddenUtc is not null)
        {
            strategy.HiddenUtc = null;
            strategy.HiddenBy = null;
            strategy.HiddenReason = null;
            strategy.Version++;
        }

        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync([strategy], new Viewer(adminId, true), ct))[0];
    }

    private async Task NotifyFollowersAsync(Strategy strategy, string change, string summary, CancellationToken ct)
    {
        var households = await db.StrategyFollows.AsNoTracking().Where(f => f.StrategyId == strategy.Id).Select(f => f.HouseholdId).ToListAsync(ct);
        foreach (var household in households.Order())
        {
            outbox.Enqueue(household, EventTypes.StrategyUpdated, new StrategyUpdated(strategy.Id, strategy.Name, change, strategy.Revision, summary));
        }
    }

    /// <summary>
    /// Each weighted class except cash gets a shared instrument of that class with at least one close: the one named
    /// (checked), else the one it had, else the shared instrument of the class with the most closes (then by symbol).
    /// </summary>
    private async Task<Result<List<StrategyProxy>>> ResolveProxiesAsync(
        IReadOnlyList<TargetAllocation> allocations, IReadOnlyDictionary<AssetClass, Guid>? named, IReadOnlyList<StrategyProxy> current, CancellationToken ct)
    {
        var classes = allocations.Where(a => a.Weight > 0m && a.AssetClass != AssetClass.Cash).Select(a => a.AssetClass).Distinct().Order().ToList();
        var candidates = await db.Instruments.AsNoTracking()
            .Where(i => i.HouseholdId == null && classes.Contains(i.AssetClass))
            .Select(i => new { i.Id, i.AssetClass, i.Symbol, Closes = db.Prices.Count(p => p.InstrumentId == i.Id) })
            .ToListAsync(ct);
        var checks = new InputChecks();
        var proxies = new List<StrategyProxy>();
        var missing = new List<AssetClass>();
        foreach (var assetClass in classes)
        {
            if (named is not null && named.TryGetValue(assetClass, out var id))
            {
                var ok = candidates.Exists(c => c.Id == id && c.AssetClass == assetClass && c.Closes > 0);
                checks.Check(ok, $"proxies.{assetClass}", $"Instrument {id} is not a shared {assetClass} instrument with closes.");
                proxies.Add(new StrategyProxy(assetClass, id));
                continue;
            }

            var kept = current.FirstOrDefault(p => p.AssetClass == assetClass);
            var pick = kept is not null && candidates.Exists(c => c.Id == kept.InstrumentId)
                ? kept.InstrumentId
                : candidates.Where(c => c.AssetClass == assetClass && c.Closes > 0).OrderByDescending(c => c.Closes).ThenBy(c => c.Symbol, StringComparer.Ordinal).ThenBy(c => c.Id)
                    .Select(c => (Guid?)c.Id).FirstOrDefault();
            if (pick is { } found)
            {
                proxies.Add(new StrategyProxy(assetClass, found));
            }
            else
            {
                missing.Add(assetClass);
            }
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (missing.Count > 0)
        {
            return Problem.Refused(StrategyErrorCodes.NoProxy, $"No shared instrument with closes stands for {string.Join(", ", missing)}: an operator adds one, or name one in proxies.");
        }

        return proxies;
    }

    private async Task<Strategy?> FindVisibleAsync(Guid strategyId, Viewer viewer, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Strategies : db.Strategies.AsNoTracking();
        return await query.FirstOrDefaultAsync(s => s.Id == strategyId && (s.HiddenUtc == null || viewer.IsAdmin || s.PublisherUserId == viewer.UserId), ct);
    }

    private async Task<List<StrategyDto>> ToDtosAsync(IReadOnlyList<Strategy> strategies, Viewer viewer, CancellationToken ct)
    {
        var ids = strategies.Select(s => s.Id).ToList();
        var followers = (await db.StrategyFollows.AsNoTracking().Where(f => ids.Contains(f.StrategyId)).Select(f => f.StrategyId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var instrumentIds = strategies.SelectMany(s => s.Proxies).Select(p => p.InstrumentId).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return [.. strategies.Select(s => new StrategyDto(
            s.Id, s.Name, s.Description, s.Allocations, s.Rebalancing,
            [.. s.Proxies.Select(p => new StrategyProxyDto(p.AssetClass, p.InstrumentId, instruments.GetValueOrDefault(p.InstrumentId)?.Symbol ?? "", instruments.GetValueOrDefault(p.InstrumentId)?.Name ?? ""))],
            s.ByAdvisor, s.PublisherUserId == viewer.UserId, s.PublishedUtc, s.PublishedOn, s.UpdatedUtc, s.Revision, followers.GetValueOrDefault(s.Id),
            s.HiddenUtc is not null, s.HiddenReason))];
    }

    private static string Describe(RebalancingRule rule) => rule switch
    {
        RebalancingRule.Monthly => "monthly",
        RebalancingRule.Quarterly => "quarterly",
        RebalancingRule.Annually => "yearly",
        _ => "never (buy and hold)",
    };

    private static Problem NotFound(Guid strategyId) => Problem.NotFound(StrategyErrorCodes.StrategyNotFound, $"Strategy {strategyId} does not exist or is hidden.");
}
