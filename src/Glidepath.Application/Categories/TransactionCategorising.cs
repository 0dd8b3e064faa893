using Glidepath.Application.Errors;
using Glidepath.Application.Transactions;
using Glidepath.Application.Validation;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Categories;

/// <summary>
/// Transactions with their categories (docs/categories.md): the list the categorise page shows, and the category, payee,
/// tags and split lines set by hand. A hand-set category is never changed by a rule applied to existing transactions.
/// </summary>
public sealed class TransactionCategorising(GlidepathDbContext db, HouseholdTransactions transactions, HouseholdCategoriser categoriser)
{
    /// <summary>The household's transactions as <see cref="HouseholdTransactions.ListAsync"/> pages them, each with its categorisation.</summary>
    public async Task<Result<CategorisedTransactionPage>> ListAsync(Guid householdId, TransactionQuery query, CancellationToken ct)
    {
        if (!(await transactions.ListAsync(householdId, query, ct)).TryGet(out var page, out var problem))
        {
            return problem;
        }

        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        var ids = page.Items.Select(t => t.Id).ToList();
        var categories = await db.TransactionCategories.AsNoTracking().Include(c => c.Splits)
            .Where(c => c.HouseholdId == householdId && ids.Contains(c.TransactionId)).ToDictionaryAsync(c => c.TransactionId, ct);
        var suggestions = await db.CategorySuggestions.AsNoTracking()
            .Where(s => s.HouseholdId == householdId && ids.Contains(s.TransactionId)).ToDictionaryAsync(s => s.TransactionId, ct);
        return new CategorisedTransactionPage(
            [.. page.Items.Select(t => ToDto(t, categories.GetValueOrDefault(t.Id), tree, suggestions.GetValueOrDefault(t.Id)))], page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<Result<CategorisedTransactionDto>> SetAsync(Guid householdId, Guid transactionId, CategorisationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!(await transactions.GetAsync(householdId, transactionId, ct)).TryGet(out var transaction, out var problem))
        {
            return problem;
        }

        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        var tags = Tags(request.Tags);
        var errors = new InputChecks()
            .CheckLength(request.Payee, "payee", TextLimits.Name)
            .Check(request.CategoryId is not { } id || tree.Find(id) is not null, "categoryId", $"Category {request.CategoryId} is not in this household.")
            .Check(request.Splits is not { Count: > 0 } || request.CategoryId is null, "categoryId", "Give either a category or split lines, not both.");
        CheckTags(errors, "tags", tags);
        var splits = request.Splits ?? [];
        if (splits.Count > 0)
        {
            CheckSplits(errors, splits, tree, CashFlow.SignedAmount(transaction));
        }

        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var stored = await db.TransactionCategories.Include(c => c.Splits).FirstOrDefaultAsync(c => c.TransactionId == transactionId, ct);
        if (stored is null)
        {
            stored = new TransactionCategory { TransactionId = transactionId, HouseholdId = householdId };
            db.TransactionCategories.Add(stored);
        }
        else
        {
            db.SplitLines.RemoveRange(stored.Splits);
            stored.Splits.Clear();
        }

        stored.CategoryId = request.CategoryId;
        stored.Payee = string.IsNullOrWhiteSpace(request.Payee) ? null : request.Payee.Trim();
        stored.Tags = tags;
        stored.Source = CategorySource.Manual;
        stored.RuleId = null;
        var lines = splits.Select((s, i) => new SplitLine { TransactionId = transactionId, Line = i + 1, CategoryId = s!.CategoryId, Amount = s.Amount!.Value, Memo = s.Memo?.Trim() }).ToList();
        db.SplitLines.AddRange(lines);   // added explicitly (their ids are set, so the navigation alone would read them as stored); fix-up puts them in stored.Splits
        await db.CategorySuggestions.Where(s => s.TransactionId == transactionId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await categoriser.NoteCorrectionAsync(householdId, ct);   // counts towards the categoriser's next retraining (docs/categoriser.md)
        return ToDto(transaction, stored, tree, null);
    }

    internal static List<string> Tags(IEnumerable<string?>? tags) =>
        [.. (tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    internal static void CheckTags(InputChecks errors, string field, List<string> tags)
    {
        errors.Check(tags.Count <= TextLimits.MaxTags, field, $"At most {TextLimits.MaxTags} tags.");
        foreach (var tag in tags)
        {
            errors.CheckLength(tag, field, TextLimits.Tag);
        }
    }

    private static void CheckSplits(InputChecks errors, IReadOnlyList<SplitLineRequest> splits, CategoryTree tree, decimal signedAmount)
    {
        if (splits.Any(s => s is null || s.Amount is null))
        {
            errors.Add("splits", "Every split line needs an amount.");
            return;
        }

        foreach (var (line, i) in splits.Select((s, i) => (s, i)))
        {
            errors.Check(line.CategoryId is not { } id || tree.Find(id) is not null, $"splits[{i}].categoryId", $"Category {line.CategoryId} is not in this household.")
                .CheckLength(line.Memo, $"splits[{i}].memo", TextLimits.Memo)
                .Check(Math.Abs(line.Amount!.Value) <= 1_000_000_000_000m, $"splits[{i}].amount", "The amount is too large.");
        }

        if (!errors.Failed && splits.Sum(s => s.Amount!.Value) is var sum && sum != signedAmount)
        {
            errors.Add("splits", FormattableString.Invariant($"The split lines add up to {sum}, not to the transaction's signed amount {signedAmount}."));
        }
    }

    internal static CategorisedTransactionDto ToDto(Transaction t, TransactionCategory? c, CategoryTree tree, CategorySuggestion? suggestion)
    {
        var category = c?.CategoryId is { } id ? tree.Find(id) : null;
        var suggested = category is null && suggestion is not null && tree.Find(suggestion.CategoryId) is { } sc0
            ? new SuggestionDto(sc0.Id, tree.PathOf(sc0), suggestion.Confidence) : null;
        return new CategorisedTransactionDto(
            t.Id, t.AccountId, t.TradeDate, t.Type.ToString(), CashFlow.SignedAmount(t), t.Currency.Code, t.Memo,
            c?.Payee ?? CashFlow.PayeeOf(t.Memo), category?.Id, category is null ? null : tree.PathOf(category), c?.Source.ToString(), c?.RuleId, c?.Tags ?? [],
            [.. (c?.Splits ?? []).OrderBy(s => s.Line).Select(s => new SplitLineDto(s.Line, s.CategoryId,
                s.CategoryId is { } sid && tree.Find(sid) is { } sc ? tree.PathOf(sc) : null, s.Amount, s.Memo))], suggested);
    }
}
