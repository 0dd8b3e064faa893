namespace Glidepath.Domain.Categories;

/// <summary>
/// The tree a household starts with (docs/categories.md, "The default tree"): fourteen top-level categories and their
/// children, each child of its parent's kind. A household edits its own copy.
/// </summary>
public static class DefaultCategories
{
    public sealed record Node(string Name, CategoryKind Kind, IReadOnlyList<string> Children);

    public static IReadOnlyList<Node> Tree { get; } =
    [
        new("Income", CategoryKind.Income, ["Salary", "Bonus", "Interest and dividends", "Refunds", "Other income"]),
        new("Housing", CategoryKind.Expense, ["Rent", "Mortgage", "Maintenance", "Home insurance", "Property tax"]),
        new("Food", CategoryKind.Expense, ["Groceries", "Restaurants", "Coffee", "Takeaway"]),
        new("Transport", CategoryKind.Expense, ["Fuel", "Public transport", "Taxi and ride-hailing", "Parking", "Car maintenance"]),
        new("Utilities", CategoryKind.Expense, ["Electricity", "Gas", "Water", "Internet", "Phone"]),
        new("Health", CategoryKind.Expense, ["Doctor", "Pharmacy", "Health insurance", "Fitness"]),
        new("Entertainment", CategoryKind.Expense, ["Streaming", "Events", "Games", "Hobbies"]),
        new("Shopping", CategoryKind.Expense, ["Clothing", "Electronics", "Household", "Online marketplaces"]),
        new("Travel", CategoryKind.Expense, ["Flights", "Lodging", "Car rental"]),
        new("Education", CategoryKind.Expense, ["Tuition", "Courses", "Books"]),
        new("Gifts", CategoryKind.Expense, ["Gifts given", "Charity"]),
        new("Fees", CategoryKind.Expense, ["Bank fees", "Interest charges"]),
        new("Taxes", CategoryKind.Expense, ["Income tax", "Other taxes"]),
        new("Transfers", CategoryKind.Transfer, ["Between own accounts", "Credit card payment", "Savings and investments"]),
    ];
}
