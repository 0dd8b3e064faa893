using Glidepath.Domain.Categories;
using Glidepath.Domain.Rules;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import.Statements;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Categories;

/// <summary>
/// The categories of newly imported rows (docs/categories.md, "Which category a transaction gets"): the household's rules,
/// then the statement's own category, then the shipped payee dictionary, then the household's learned categoriser (docs/categoriser.md). Runs inside the importer's database transaction,
/// so a rejected import or a dry run stores none of it.
/// </summary>
public sealed class ImportCategoriser(GlidepathDbContext db)
{
    public async Task CategoriseAsync(
        Guid householdId, IReadOnlyList<Transaction> rows, Func<Guid, string?> statementCategory, Func<Guid, IReadOnlyList<StatementSplit>> splits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(statementCategory);
        ArgumentNullException.ThrowIfNull(splits);
        if (rows.Count == 0)
        {
            return;
        }

        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        var rules = new RuleMatcher(await db.Rules.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(ct));
        var decided = new List<TransactionCategory>();
        var undecided = new List<Transaction>();
        foreach (var row in rows)
        {
            var lines = splits(row.Id).Select(s => (s.Category, s.Memo, s.Amount)).ToList();
            if (tree.Decide(row, householdId, rules, statementCategory(row.Id), lines) is { } category)
            {
                decided.Add(category);
            }
            else
            {
                undecided.Add(row);
            }
        }

        // 4. The household's learned categoriser (docs/categoriser.md): sets the category when sure enough, else suggests.
        var suggestions = await LearnedAsync(householdId, undecided, tree, decided, ct);
        if (decided.Count == 0 && suggestions.Count == 0)
        {
            return;
        }

        // Without EF's update pipeline (an import may bring 100,000 rows), in the import's own database transaction.
        await BulkInsert.InsertAsync(db, decided, ct);
        await BulkInsert.InsertAsync(db, decided.SelectMany(c => c.Splits), ct);
        await BulkInsert.InsertAsync(db, suggestions, ct);
    }

    private async Task<List<CategorySuggestion>> LearnedAsync(Guid householdId, List<Transaction> undecided, CategoryTree tree, List<TransactionCategory> decided, CancellationToken ct)
    {
        List<CategorySuggestion> suggestions = [];
        if (undecided.Count == 0)
        {
            return suggestions;
        }

        var accountIds = undecided.Select(t => t.AccountId).Distinct().ToList();
        var types = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Type, ct);
        var categoriser = new HouseholdCategoriser(db, TimeProvider.System);
        var guesses = await categoriser.PredictAsync(householdId, [.. undecided.Select(t => (t, types[t.AccountId], (string?)null))], ct);
        if (guesses is null)
        {
            return suggestions;
        }

        var version = await db.CategoriserModels.AsNoTracking().Where(m => m.HouseholdId == householdId).Select(m => m.Version).SingleAsync(ct);
        for (var i = 0; i < undecided.Count; i++)
        {
            var (categoryId, confidence) = guesses[i];
            if (tree.Find(categoryId) is null)
            {
                continue;   // a category deleted since the model was trained
            }

            if (confidence >= CategoriserPolicy.AutoSetConfidence)
            {
                decided.Add(new TransactionCategory { TransactionId = undecided[i].Id, HouseholdId = householdId, CategoryId = categoryId, Source = CategorySource.Model });
            }
            else
            {
                suggestions.Add(new CategorySuggestion { TransactionId = undecided[i].Id, HouseholdId = householdId, CategoryId = categoryId, Confidence = confidence, ModelVersion = version });
            }
        }

        return suggestions;
    }
}

/// <summary>The default tree (<see cref="DefaultCategories"/>) for a household that has no categories yet.</summary>
public static class CategorySeeding
{
    /// <summary>The household's categories, seeding the default tree first when it has none.</summary>
    public static async Task<List<Category>> EnsureTreeAsync(GlidepathDbContext db, Guid householdId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Categories.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(ct);
        if (stored.Count > 0)
        {
            return stored;
        }

        List<Category> tree = [];
        foreach (var node in DefaultCategories.Tree)
        {
            var parent = new Category { HouseholdId = householdId, Name = node.Name, Kind = node.Kind, NameKey = Category.KeyOf(null, node.Name) };
            tree.Add(parent);
            tree.AddRange(node.Children.Select(child =>
                new Category { HouseholdId = householdId, ParentId = parent.Id, Name = child, Kind = node.Kind, NameKey = Category.KeyOf(parent.Id, child) }));
        }

        db.Categories.AddRange(tree);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request seeded the household at the same moment: read theirs.
            db.ChangeTracker.Clear();
            var theirs = await db.Categories.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(ct);
            if (theirs.Count == 0)
            {
                throw;
            }

            return theirs;
        }

        foreach (var c in tree)
        {
            db.Entry(c).State = EntityState.Detached;
        }

        return tree;
    }
}
