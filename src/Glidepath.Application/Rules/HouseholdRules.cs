using Glidepath.Application.Categories;
using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Results;
using Glidepath.Domain.Rules;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Rules;

/// <summary>
/// A household's ordered categorisation rules (docs/categories.md, "Rules"): kept in order, run on every import
/// (<see cref="ImportCategoriser"/>), and applied to the stored transactions on request, with a preview of what changes.
/// </summary>
public sealed class HouseholdRules(GlidepathDbContext db)
{
    private const int ListedChanges = 500;

    public async Task<IReadOnlyList<RuleDto>> ListAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.Rules.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(ct)).OrderBy(r => r.Position).ThenBy(r => r.Id).Select(ToDto)];

    public async Task<Result<RuleDto>> GetAsync(Guid householdId, Guid ruleId, CancellationToken ct) =>
        await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId && r.HouseholdId == householdId, ct) is { } rule ? ToDto(rule) : NotFound(ruleId);

    public async Task<Result<RuleDto>> CreateAsync(Guid householdId, RuleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = await ValidateAsync(householdId, request, ct);
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var rules = await OrderedAsync(householdId, ct);
        var rule = new Rule { HouseholdId = householdId };
        Fill(rule, request);
        rules.Insert(Math.Clamp(request.Position ?? rules.Count, 0, rules.Count), rule);
        Renumber(rules);
        db.Rules.Add(rule);
        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    public async Task<Result<RuleDto>> UpdateAsync(Guid householdId, Guid ruleId, RuleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rules = await OrderedAsync(householdId, ct);
        if (rules.FirstOrDefault(r => r.Id == ruleId) is not { } rule)
        {
            return NotFound(ruleId);
        }

        var errors = await ValidateAsync(householdId, request, ct);
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        Fill(rule, request);
        if (request.Position is { } position)
        {
            rules.Remove(rule);
            rules.Insert(Math.Clamp(position, 0, rules.Count), rule);
            Renumber(rules);
        }

        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    /// <summary>Deletes a rule; what it categorised keeps its category (the rule is no longer named as its source).</summary>
    public async Task<Result<RuleDto>> DeleteAsync(Guid householdId, Guid ruleId, CancellationToken ct)
    {
        var rules = await OrderedAsync(householdId, ct);
        if (rules.FirstOrDefault(r => r.Id == ruleId) is not { } rule)
        {
            return NotFound(ruleId);
        }

        rules.Remove(rule);
        Renumber(rules);
        db.Rules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    /// <summary>
    /// Runs one rule over every stored transaction of the household. A match changes the category (when the rule sets
    /// one), the payee (when it sets one) and adds its tags, except that a category set by hand stays (counted in
    /// <see cref="RuleApplicationDto.SkippedManual"/>; its payee and tags do change). <paramref name="dryRun"/>: only the preview.
    /// </summary>
    public async Task<Result<RuleApplicationDto>> ApplyAsync(Guid householdId, Guid ruleId, bool dryRun, CancellationToken ct)
    {
        var rule = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId && r.HouseholdId == householdId, ct);
        if (rule is null)
        {
            return NotFound(ruleId);
        }

        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var history = await db.Transactions.AsNoTracking()
            .Where(t => db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .OrderByDescending(t => t.TradeDate).ThenBy(t => t.Id).ToListAsync(ct);
        var stored = await db.TransactionCategories.Include(c => c.Splits).Where(c => c.HouseholdId == householdId).ToDictionaryAsync(c => c.TransactionId, ct);
        var (matched, skipped) = (0, 0);
        List<RuleChangeDto> changes = [];
        var changedCount = 0;
        foreach (var t in history)
        {
            var current = stored.GetValueOrDefault(t.Id);
            var payeeBefore = current?.Payee ?? CashFlow.PayeeOf(t.Memo);
            var signed = CashFlow.SignedAmount(t);
            if (!RuleMatcher.Matches(rule, new RuleSubject(payeeBefore, t.Memo ?? "", signed, t.AccountId)))
            {
                continue;
            }

            matched++;
            var manual = current?.Source == CategorySource.Manual;
            var hasSplits = current?.Splits.Count > 0;
            var setsCategory = rule.SetCategoryId is not null && !manual && !hasSplits && tree.Find(rule.SetCategoryId.Value) is not null;
            skipped += rule.SetCategoryId is not null && (manual || hasSplits) ? 1 : 0;
            var categoryBefore = current?.CategoryId;
            var categoryAfter = setsCategory ? rule.SetCategoryId : categoryBefore;
            var payeeAfter = string.IsNullOrWhiteSpace(rule.SetPayee) ? payeeBefore : rule.SetPayee;
            var tagsBefore = current?.Tags ?? [];
            List<string> tagsAfter = [.. tagsBefore, .. rule.AddTags.Where(tag => !tagsBefore.Contains(tag, StringComparer.OrdinalIgnoreCase))];
            if (categoryAfter == categoryBefore && payeeAfter == payeeBefore && tagsAfter.Count == tagsBefore.Count)
            {
                continue;
            }

            changedCount++;
            if (changes.Count < ListedChanges)
            {
                changes.Add(new RuleChangeDto(t.Id, t.TradeDate, t.Memo, signed, categoryBefore, PathOf(tree, categoryBefore), categoryAfter, PathOf(tree, categoryAfter),
                    payeeBefore, payeeAfter, tagsBefore, tagsAfter));
            }

            if (dryRun)
            {
                continue;
            }

            if (current is null)
            {
                current = new TransactionCategory { TransactionId = t.Id, HouseholdId = householdId, Source = CategorySource.Rule };
                db.TransactionCategories.Add(current);
            }

            current.CategoryId = categoryAfter;
            current.Payee = string.IsNullOrWhiteSpace(rule.SetPayee) ? current.Payee : rule.SetPayee;
            current.Tags = tagsAfter;
            if (!manual && !hasSplits)
            {
                (current.Source, current.RuleId) = (CategorySource.Rule, rule.Id);
            }
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new RuleApplicationDto(rule.Id, !dryRun, matched, changedCount, skipped, changes);
    }

    private static string? PathOf(CategoryTree tree, Guid? id) => id is { } i && tree.Find(i) is { } c ? tree.PathOf(c) : null;

    private async Task<List<Rule>> OrderedAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.Rules.Where(r => r.HouseholdId == householdId).ToListAsync(ct)).OrderBy(r => r.Position).ThenBy(r => r.Id)];

    private static void Renumber(List<Rule> rules)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Position = i;
        }
    }

    private static void Fill(Rule rule, RuleRequest request)
    {
        rule.Name = request.Name!.Trim();
        rule.Enabled = request.Enabled ?? true;
        rule.PayeePattern = Blank(request.PayeePattern);
        rule.PayeeMatch = request.PayeeMatch ?? TextMatch.Contains;
        rule.MemoPattern = Blank(request.MemoPattern);
        rule.MemoMatch = request.MemoMatch ?? TextMatch.Contains;
        rule.MinAmount = request.MinAmount;
        rule.MaxAmount = request.MaxAmount;
        rule.AccountId = request.AccountId;
        rule.Direction = request.Direction;
        rule.SetCategoryId = request.SetCategoryId;
        rule.SetPayee = Blank(request.SetPayee)?.Trim();
        rule.AddTags = TransactionCategorising.Tags(request.AddTags);
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private async Task<InputChecks> ValidateAsync(Guid householdId, RuleRequest request, CancellationToken ct)
    {
        var tags = TransactionCategorising.Tags(request.AddTags);
        var errors = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.PayeePattern, "payeePattern", TextLimits.RulePattern)
            .CheckLength(request.MemoPattern, "memoPattern", TextLimits.RulePattern)
            .CheckLength(request.SetPayee, "setPayee", TextLimits.Name)
            .Check(request.PayeeMatch is null || Enum.IsDefined(request.PayeeMatch.Value), "payeeMatch", "Choose Contains or Regex.")
            .Check(request.MemoMatch is null || Enum.IsDefined(request.MemoMatch.Value), "memoMatch", "Choose Contains or Regex.")
            .Check(request.Direction is null || Enum.IsDefined(request.Direction.Value), "direction", "Choose Inflow or Outflow.")
            .Check(request.MinAmount is null || request.MinAmount >= 0m, "minAmount", "Amount bounds are sizes of the cash moved: zero or more.")
            .Check(request.MaxAmount is null || request.MaxAmount >= 0m, "maxAmount", "Amount bounds are sizes of the cash moved: zero or more.")
            .Check(request.MinAmount is null || request.MaxAmount is null || request.MinAmount <= request.MaxAmount, "maxAmount", "The largest amount is below the smallest.")
            .Check(request.SetCategoryId is not null || !string.IsNullOrWhiteSpace(request.SetPayee) || tags.Count > 0, "setCategoryId", "A rule needs an action: a category, a payee or tags to set.")
            .Check(request.Position is null || request.Position >= 0, "position", "Positions count from 0.");
        TransactionCategorising.CheckTags(errors, "addTags", tags);
        if (request.PayeeMatch is { } pm && Enum.IsDefined(pm) && request.PayeePattern?.Length <= TextLimits.RulePattern && RuleMatcher.PatternError(request.PayeePattern, pm) is { } payeeError)
        {
            errors.Add("payeePattern", payeeError);
        }

        if (request.MemoMatch is { } mm && Enum.IsDefined(mm) && request.MemoPattern?.Length <= TextLimits.RulePattern && RuleMatcher.PatternError(request.MemoPattern, mm) is { } memoError)
        {
            errors.Add("memoPattern", memoError);
        }

        if (request.AccountId is { } account && !await db.Accounts.AnyAsync(a => a.Id == account && a.HouseholdId == householdId, ct))
        {
            errors.Add("accountId", $"Account {account} is not in this household.");
        }

        if (request.SetCategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category && c.HouseholdId == householdId, ct))
        {
            errors.Add("setCategoryId", $"Category {category} is not in this household.");
        }

        return errors;
    }

    private static RuleDto ToDto(Rule r) => new(
        r.Id, r.Position, r.Name, r.Enabled, r.PayeePattern, r.PayeeMatch, r.MemoPattern, r.MemoMatch,
        r.MinAmount, r.MaxAmount, r.AccountId, r.Direction, r.SetCategoryId, r.SetPayee, r.AddTags);

    private static Problem NotFound(Guid id) => Problem.NotFound(ErrorCodes.RuleNotFound, $"Rule {id} is not in this household.");
}
