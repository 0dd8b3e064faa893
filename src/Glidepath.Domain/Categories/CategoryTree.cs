using Glidepath.Domain.Rules;
using Glidepath.Domain.Transactions;

namespace Glidepath.Domain.Categories;

/// <summary>
/// A household's categories, looked up by id or by path, and the decision of a new transaction's category
/// (docs/categories.md, "Which category a transaction gets"): the household's rules, then the statement's own category,
/// then the shipped payee dictionary; else none. Pure: no I/O.
/// </summary>
public sealed class CategoryTree
{
    private readonly Dictionary<Guid, Category> _byId;
    private readonly Dictionary<string, Category> _byPath = new(StringComparer.OrdinalIgnoreCase);

    public CategoryTree(IEnumerable<Category> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _byId = categories.ToDictionary(c => c.Id);
        foreach (var c in _byId.Values)
        {
            _byPath.TryAdd(PathOf(c), c);
        }
    }

    public IReadOnlyCollection<Category> All => _byId.Values;

    public Category? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>"Parent/Child" or "Parent" (QIF writes "Parent:Child"; both separators are read), or a child's own name when no other parent has a child of that name.</summary>
    public Category? FindPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var parts = path.Split(['/', ':'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (1 or 2))
        {
            return null;
        }

        if (_byPath.GetValueOrDefault(string.Join('/', parts)) is { } found)
        {
            return found;
        }

        // One word that is no top-level category: the child of that name, when only one parent has it ("Clothing").
        var children = parts.Length == 1 ? _byId.Values.Where(c => c.ParentId is not null && string.Equals(c.Name, parts[0], StringComparison.OrdinalIgnoreCase)).Take(2).ToList() : [];
        return children.Count == 1 ? children[0] : null;
    }

    public string PathOf(Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return category.ParentId is { } p && _byId.TryGetValue(p, out var parent) ? $"{parent.Name}/{category.Name}" : category.Name;
    }

    /// <summary>The category's own kind, or its parent's.</summary>
    public CategoryKind KindOf(Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return category.ParentId is { } p && _byId.TryGetValue(p, out var parent) ? parent.Kind : category.Kind;
    }

    /// <summary>
    /// A new transaction's categorisation, or null when nothing decides anything. <paramref name="statementCategory"/>: the
    /// statement's category for the row (QIF <c>L</c>); <paramref name="splits"/>: its split lines (category path, memo,
    /// signed amount), kept as split lines with their categories looked up by path.
    /// </summary>
    public TransactionCategory? Decide(
        Transaction transaction, Guid householdId, RuleMatcher rules, string? statementCategory, IReadOnlyList<(string? Category, string? Memo, decimal Amount)> splits)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(splits);
        var payee = CashFlow.PayeeOf(transaction.Memo);
        var outcome = rules.Apply(new RuleSubject(payee, transaction.Memo ?? "", CashFlow.SignedAmount(transaction), transaction.AccountId));
        var result = new TransactionCategory
        {
            TransactionId = transaction.Id,
            HouseholdId = householdId,
            Payee = outcome.Payee,
            Tags = [.. outcome.Tags],
            RuleId = outcome.RuleId,
            Source = CategorySource.Rule,
        };
        if (splits.Count > 0)
        {
            result.Splits = [.. splits.Select((s, i) => new SplitLine { TransactionId = transaction.Id, Line = i + 1, CategoryId = FindPath(s.Category)?.Id, Amount = s.Amount, Memo = s.Memo })];
            result.Source = outcome.Matched ? CategorySource.Rule : CategorySource.Statement;
            return result;
        }

        if (outcome.CategoryId is { } fromRule && _byId.ContainsKey(fromRule))
        {
            result.CategoryId = fromRule;
            return result;
        }

        if (FindPath(statementCategory) is { } fromStatement)
        {
            (result.CategoryId, result.Source) = (fromStatement.Id, CategorySource.Statement);
            return result;
        }

        if (PayeeCategories.PathFor(outcome.Payee ?? payee) is { } path && FindPath(path) is { } fromDictionary)
        {
            (result.CategoryId, result.Source) = (fromDictionary.Id, CategorySource.Dictionary);
            return result;
        }

        return outcome.Matched ? result : null;
    }
}
