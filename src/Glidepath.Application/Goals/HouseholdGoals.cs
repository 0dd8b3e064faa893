using Glidepath.Application.Errors;
using Glidepath.Application.Portfolio;
using Glidepath.Application.Validation;
using Glidepath.Domain.Goals;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Goals;

/// <summary>A goal with its progress today: the funding accounts' value and the funded share.</summary>
/// <param name="FundedValue">The funding accounts' value today in the household's reporting currency; null when it cannot be valued (a missing FX rate).</param>
public sealed record GoalProgress(Goal Goal, string Currency, decimal? FundedValue, decimal? FundedShare);

/// <summary>
/// Goals as a household's own resources (docs/goals.md): CRUD, progress from today's valuation of
/// their funding accounts, and the status their plan's newest simulation gives them
/// (<see cref="GoalStatuses"/>).
/// </summary>
public sealed class HouseholdGoals(GlidepathDbContext db, PortfolioReads reads, TimeProvider clock)
{
    /// <summary>More than any household saves for; keeps sums far from decimal's limits.</summary>
    private const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Goals by priority, then name.</summary>
    public async Task<IReadOnlyList<GoalProgress>> ListAsync(Guid householdId, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Include(g => g.FundingAccounts).Where(g => g.HouseholdId == householdId).ToListAsync(ct);
        var ordered = goals.OrderBy(g => g.Priority).ThenBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return await WithProgressAsync(householdId, ordered, ct);
    }

    public async Task<Result<GoalProgress>> GetAsync(Guid householdId, Guid goalId, CancellationToken ct) =>
        await FindAsync(householdId, goalId, ct) is { } goal ? (await WithProgressAsync(householdId, [goal], ct))[0] : NotFound(goalId);

    public async Task<Result<GoalProgress>> CreateAsync(Guid householdId, GoalRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = await ValidateAsync(householdId, request, ct);
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var goal = new Goal { HouseholdId = householdId, Name = request.Name!.Trim() };
        Apply(goal, request);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return (await WithProgressAsync(householdId, [goal], ct))[0];
    }

    /// <summary>A stale <see cref="GoalRequest.Version"/> makes the save throw a concurrency conflict (the server answers 409).</summary>
    public async Task<Result<GoalProgress>> UpdateAsync(Guid householdId, Guid goalId, GoalRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var goal = await FindAsync(householdId, goalId, ct);
        if (goal is null)
        {
            return NotFound(goalId);
        }

        var errors = (await ValidateAsync(householdId, request, ct))
            .Check(request.Version is not null, "version", "Send the version you read, so a concurrent change is not overwritten.");
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        db.Entry(goal).Property(g => g.Version).OriginalValue = request.Version!.Value;
        var planChanged = goal.PlanId != request.PlanId;
        goal.Name = request.Name!.Trim();
        Apply(goal, request);
        if (planChanged)
        {
            // A status belongs to the plan that gave it; another plan's next run gives the new one.
            goal.Status = GoalStatus.NotTested;
            goal.SuccessProbability = null;
            goal.StatusRunId = null;
            goal.StatusUpdatedUtc = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return (await WithProgressAsync(householdId, [goal], ct))[0];
    }

    public async Task<Result<Goal>> DeleteAsync(Guid householdId, Guid goalId, CancellationToken ct)
    {
        var goal = await FindAsync(householdId, goalId, ct);
        if (goal is null)
        {
            return NotFound(goalId);
        }

        db.Goals.Remove(goal);
        await db.SaveChangesAsync(ct);
        return goal;
    }

    private static void Apply(Goal goal, GoalRequest request)
    {
        goal.Kind = request.Kind!.Value;
        goal.TargetAmount = request.TargetAmount!.Value;
        goal.TargetDate = request.TargetDate;
        goal.PersonId = request.TargetDate is null ? request.PersonId : null;
        goal.TargetAge = request.TargetDate is null ? request.TargetAge : null;
        goal.Priority = request.Priority ?? 1;
        goal.PlanId = request.PlanId;
        var wanted = (request.FundingAccountIds ?? []).Distinct().ToHashSet();
        goal.FundingAccounts.RemoveAll(f => !wanted.Contains(f.AccountId));
        foreach (var id in wanted.Where(id => goal.FundingAccounts.All(f => f.AccountId != id)))
        {
            goal.FundingAccounts.Add(new GoalFundingAccount { GoalId = goal.Id, AccountId = id });
        }
    }

    private async Task<InputChecks> ValidateAsync(Guid householdId, GoalRequest request, CancellationToken ct)
    {
        var errors = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .Check(request.Kind is { } k && Enum.IsDefined(k), "kind", $"Choose a kind: {string.Join(", ", Enum.GetNames<GoalCategory>())}.")
            .Check(request.TargetAmount is > 0m, "targetAmount", "Enter the amount needed, more than 0.")
            .Check(request.TargetAmount is not { } a || a <= MaxAmount, "targetAmount", "The amount is too large.")
            .Check(request.Priority is null or >= 1 and <= 100, "priority", "Priority runs from 1 (funded first) to 100.")
            .Check(request.TargetDate is not null || (request.PersonId is not null && request.TargetAge is not null), "targetDate", "Give a target date, or a person and the age they reach it at.")
            .Check(request.TargetDate is null || (request.PersonId is null && request.TargetAge is null), "targetDate", "Give a target date or a person's age, not both.")
            .Check(request.TargetDate is not { } d || d > clock.Today(), "targetDate", $"The target date is not after today ({clock.Today():yyyy-MM-dd}).")
            .Check(request.TargetAge is null or >= 0 and <= 120, "targetAge", "The age runs from 0 to 120.");
        if (request.PersonId is { } person && !await db.People.AnyAsync(p => p.Id == person && p.HouseholdId == householdId, ct))
        {
            errors.Add("personId", $"Person {person} is not in this household.");
        }

        if (request.PlanId is { } plan && !await db.Plans.AnyAsync(p => p.Id == plan && p.HouseholdId == householdId, ct))
        {
            errors.Add("planId", $"Plan {plan} is not in this household.");
        }

        var accounts = (request.FundingAccountIds ?? []).Distinct().ToList();
        var known = await db.Accounts.Where(a => a.HouseholdId == householdId && accounts.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        foreach (var missing in accounts.Except(known))
        {
            errors.Add("fundingAccountIds", $"Account {missing} is not in this household.");
        }

        return errors;
    }

    /// <summary>One valuation today for all the goals: the funding accounts' value (liabilities count as 0) over the target.</summary>
    private async Task<IReadOnlyList<GoalProgress>> WithProgressAsync(Guid householdId, IReadOnlyList<Goal> goals, CancellationToken ct)
    {
        var currency = await reads.ReportingCurrencyAsync(householdId, ct);
        IReadOnlyDictionary<Guid, decimal>? values = null;
        if (goals.Any(g => g.FundingAccounts.Count > 0))
        {
            var valued = await reads.ValuationAsync(householdId, clock.Today(), currency, ct);
            if (valued is not null && valued.TryGet(out var v, out _))
            {
                values = v.Value.Accounts.ToDictionary(a => a.AccountId, a => a.IsLiability ? 0m : Math.Max(0m, a.Total));
            }
        }

        return [.. goals.Select(g =>
        {
            if (g.FundingAccounts.Count == 0)
            {
                return new GoalProgress(g, currency.Code, 0m, 0m);
            }

            if (values is null)
            {
                return new GoalProgress(g, currency.Code, null, null);
            }

            var funded = g.FundingAccounts.Sum(f => values.GetValueOrDefault(f.AccountId));
            return new GoalProgress(g, currency.Code, funded, GoalRules.FundedShare(funded, g.TargetAmount));
        })];
    }

    private Task<Goal?> FindAsync(Guid householdId, Guid id, CancellationToken ct) =>
        db.Goals.Include(g => g.FundingAccounts).FirstOrDefaultAsync(g => g.Id == id && g.HouseholdId == householdId, ct);

    private static Problem NotFound(Guid id) => Problem.NotFound(ErrorCodes.GoalNotFound, $"Goal {id} is not in this household.");
}
