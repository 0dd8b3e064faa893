using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Categories;

/// <summary>
/// A household's category tree (docs/categories.md): the default tree on first read, then the household's own edits. The
/// tree is two levels deep. Deleting a category (and its children) moves its transactions, split lines and rules to
/// another category, or leaves them uncategorised, in one database transaction.
/// </summary>
public sealed class HouseholdCategories(GlidepathDbContext db)
{
    public async Task<IReadOnlyList<CategoryDto>> ListAsync(Guid householdId, CancellationToken ct)
    {
        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        return Ordered(tree);
    }

    public async Task<Result<CategoryDto>> CreateAsync(Guid householdId, CategoryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        var errors = Validate(request, tree, moving: null);
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var parent = request.ParentId is { } p ? tree.Find(p) : null;
        var name = request.Name!.Trim();
        var category = new Category
        {
            HouseholdId = householdId,
            ParentId = parent?.Id,
            Name = name,
            Kind = parent?.Kind ?? request.Kind ?? CategoryKind.Expense,
            NameKey = Category.KeyOf(parent?.Id, name),
        };
        if (tree.All.Any(c => c.NameKey == category.NameKey))
        {
            return Duplicate(name);
        }

        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return ToDto(new CategoryTree([.. tree.All, category]), category);
    }

    /// <summary>Renames and moves a category; a top-level category's kind changes with <see cref="CategoryRequest.Kind"/>, and its children's with it.</summary>
    public async Task<Result<CategoryDto>> UpdateAsync(Guid householdId, Guid categoryId, CategoryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await db.Categories.Where(c => c.HouseholdId == householdId).ToListAsync(ct);
        var category = stored.FirstOrDefault(c => c.Id == categoryId);
        if (category is null)
        {
            return NotFound(categoryId);
        }

        var tree = new CategoryTree(stored);
        var errors = Validate(request, tree, moving: category);
        if (errors.Failed)
        {
            return errors.ToProblem();
        }

        var parent = request.ParentId is { } p ? tree.Find(p) : null;
        var name = request.Name!.Trim();
        var key = Category.KeyOf(parent?.Id, name);
        if (stored.Any(c => c.Id != categoryId && c.NameKey == key))
        {
            return Duplicate(name);
        }

        (category.Name, category.ParentId, category.NameKey) = (name, parent?.Id, key);
        category.Kind = parent?.Kind ?? request.Kind ?? category.Kind;
        foreach (var child in stored.Where(c => c.ParentId == categoryId))
        {
            child.Kind = category.Kind;
        }

        await db.SaveChangesAsync(ct);
        return ToDto(new CategoryTree(stored), category);
    }

    /// <summary>
    /// Deletes a category and its children; what they categorised (transactions, split lines, rules) moves to
    /// <paramref name="reassignTo"/>, or becomes uncategorised when it is null.
    /// </summary>
    public async Task<Result<IReadOnlyList<Guid>>> DeleteAsync(Guid householdId, Guid categoryId, Guid? reassignTo, CancellationToken ct)
    {
        var stored = await db.Categories.Where(c => c.HouseholdId == householdId).ToListAsync(ct);
        if (stored.FirstOrDefault(c => c.Id == categoryId) is not { } category)
        {
            return NotFound(categoryId);
        }

        List<Guid> deleted = [category.Id, .. stored.Where(c => c.ParentId == category.Id).Select(c => c.Id)];
        if (reassignTo is { } target && (!stored.Any(c => c.Id == target) || deleted.Contains(target)))
        {
            return Problem.Invalid("reassignTo", deleted.Contains(target)
                ? "Move the transactions to a category that is not being deleted."
                : $"Category {target} is not in this household.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.TransactionCategories.Where(t => t.HouseholdId == householdId && t.CategoryId != null && deleted.Contains(t.CategoryId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CategoryId, reassignTo), ct);
        await db.SplitLines.Where(s => s.CategoryId != null && deleted.Contains(s.CategoryId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CategoryId, reassignTo), ct);
        await db.Rules.Where(r => r.HouseholdId == householdId && r.SetCategoryId != null && deleted.Contains(r.SetCategoryId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SetCategoryId, reassignTo), ct);
        db.Categories.RemoveRange(stored.Where(c => c.ParentId == category.Id));
        await db.SaveChangesAsync(ct);
        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    internal static IReadOnlyList<CategoryDto> Ordered(CategoryTree tree) =>
    [
        .. tree.All.Where(c => c.ParentId is null).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .SelectMany(parent => tree.All.Where(c => c.ParentId == parent.Id).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Prepend(parent))
            .Select(c => ToDto(tree, c)),
    ];

    internal static CategoryDto ToDto(CategoryTree tree, Category c) => new(c.Id, c.ParentId, c.Name, tree.PathOf(c), tree.KindOf(c));

    private static InputChecks Validate(CategoryRequest request, CategoryTree tree, Category? moving)
    {
        var errors = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .CheckLength(request.Name, "name", TextLimits.CategoryName)
            .Check(request.Name is null || !request.Name.Contains('/', StringComparison.Ordinal) && !request.Name.Contains(':', StringComparison.Ordinal), "name", "A name cannot hold '/' or ':' (they separate a parent from its child).")
            .Check(request.Kind is null || Enum.IsDefined(request.Kind.Value), "kind", "Choose Expense, Income or Transfer.");
        if (request.ParentId is { } parentId)
        {
            var parent = tree.Find(parentId);
            errors.Check(parent is not null, "parentId", $"Category {parentId} is not in this household.")
                .Check(parent is null || parent.ParentId is null, "parentId", "Categories are two levels deep: choose a top-level category as the parent.")
                .Check(moving is null || parentId != moving.Id, "parentId", "A category cannot be its own parent.")
                .Check(moving is null || tree.All.All(c => c.ParentId != moving.Id), "parentId", "A category with children stays at the top level: move or delete its children first.");
        }

        return errors;
    }

    private static Problem NotFound(Guid id) => Problem.NotFound(ErrorCodes.CategoryNotFound, $"Category {id} is not in this household.");

    private static Problem Duplicate(string name) => Problem.Conflict(ErrorCodes.DuplicateCategory, $"There is already a category named '{name}' there.");
}
