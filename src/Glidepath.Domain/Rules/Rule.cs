using Glidepath.Domain.Categories;

namespace Glidepath.Domain.Rules;

/// <summary>How a rule's text condition compares: a case-insensitive substring, or a .NET regular expression (case-insensitive, with a time limit).</summary>
public enum TextMatch
{
    Contains,
    Regex,
}

/// <summary>
/// A household's categorisation rule (docs/categories.md, "Rules"): every condition that is set must hold; the actions set
/// the category and the payee and add tags. Rules run in <see cref="Position"/> order.
/// </summary>
public sealed class Rule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid HouseholdId { get; set; }

    /// <summary>0, 1, 2, … : the order rules run in.</summary>
    public int Position { get; set; }

    public string Name { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public string? PayeePattern { get; set; }

    public TextMatch PayeeMatch { get; set; }

    public string? MemoPattern { get; set; }

    public TextMatch MemoMatch { get; set; }

    /// <summary>Bounds on the size of the cash moved (its absolute value), inclusive.</summary>
    public decimal? MinAmount { get; set; }

    public decimal? MaxAmount { get; set; }

    public Guid? AccountId { get; set; }

    public Direction? Direction { get; set; }

    public Guid? SetCategoryId { get; set; }

    public string? SetPayee { get; set; }

    public List<string> AddTags { get; set; } = [];

}
