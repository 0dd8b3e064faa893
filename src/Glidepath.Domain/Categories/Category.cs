namespace Glidepath.Domain.Categories;

/// <summary>Which side of the cash-flow report a category counts on (docs/categories.md, "Conventions").</summary>
public enum CategoryKind
{
    Expense,
    Income,

    /// <summary>Money moved between the household's own accounts (or a card paid off): neither income nor spending.</summary>
    Transfer,
}

/// <summary>
/// One category of a household's tree: a top-level category (<see cref="ParentId"/> null) or one of its children. The tree
/// is two levels deep; a child takes its parent's <see cref="Kind"/>.
/// </summary>
public sealed class Category
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid HouseholdId { get; set; }

    public Guid? ParentId { get; set; }

    public string Name { get; set; } = "";

    public CategoryKind Kind { get; set; }

    /// <summary>Unique per household: the parent (or "root") and the upper-cased name, so two siblings cannot share a name.</summary>
    public string NameKey { get; set; } = "";


    public static string KeyOf(Guid? parentId, string name) =>
        $"{(parentId is { } p ? p.ToString("N") : "root")}|{name.Trim().ToUpperInvariant()}";
}

/// <summary>Who decided a transaction's category (docs/categories.md, "Which category a transaction gets").</summary>
public enum CategorySource
{
    /// <summary>Set by hand; rules applied to existing transactions leave it alone.</summary>
    Manual,
    Rule,

    /// <summary>The statement's own category (QIF <c>L</c>) matched a category of the household.</summary>
    Statement,

    /// <summary>The shipped payee-to-category dictionary (<see cref="PayeeCategories"/>).</summary>
    Dictionary,

    /// <summary>The household's learned categoriser, at or above <see cref="CategoriserPolicy.AutoSetConfidence"/> (docs/categoriser.md).</summary>
    Model,
}

/// <summary>
/// A transaction's category, payee and tags, kept beside the ledger (the ledger's rows stay as booked). A transaction
/// without one is uncategorised. With <see cref="Splits"/> the split lines carry the categories and
/// <see cref="CategoryId"/> is null.
/// </summary>
public sealed class TransactionCategory
{
    public Guid TransactionId { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid? CategoryId { get; set; }

    /// <summary>The payee as set by hand or by a rule; null: the normalised payee of the memo.</summary>
    public string? Payee { get; set; }

    public List<string> Tags { get; set; } = [];

    public CategorySource Source { get; set; }

    /// <summary>The rule that set it (when <see cref="Source"/> is <see cref="CategorySource.Rule"/>).</summary>
    public Guid? RuleId { get; set; }

    public List<SplitLine> Splits { get; set; } = [];
}

/// <summary>One split line: a part of a transaction's signed cash amount and its category.</summary>
public sealed class SplitLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TransactionId { get; set; }

    /// <summary>1, 2, … in the order given.</summary>
    public int Line { get; set; }

    public Guid? CategoryId { get; set; }

    /// <summary>Signed, in the transaction's currency: the lines add up to the transaction's signed cash amount.</summary>
    public decimal Amount { get; set; }

    public string? Memo { get; set; }
}
