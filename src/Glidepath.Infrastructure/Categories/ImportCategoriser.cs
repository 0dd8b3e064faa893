using Glidepath.Domain.Categories;
using Glidepath.Domain.Rules;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Import.Statements;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Categories;

/// <summary>
/// The categories of newly imported rows (docs/categories.md, "Which category a transaction gets"): the household's rules,
/// then the statement's own category, then the shipped payee dictionary. Runs inside the importer's database transaction,
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
        foreach (var row in rows)
        {
            var lines = splits(row.Id).Select(s => (s.Category, s.Memo, s.Amount)).ToList();
            if (tree.Decide(row, householdId, rules, statementCategory(row.Id), lines) is { } category)
            {
                decided.Add(category);
            }
        }

        if (decided.Count == 0)
        {
            return;
        }

        // Without EF's update pipeline (an import may bring 100,000 rows), in the import's own database transaction.
        await BulkInsert.InsertAsync(db, decided, ct);
        await BulkInsert.InsertAsync(db, decided.SelectMany(c => c.Splits), ct);
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
