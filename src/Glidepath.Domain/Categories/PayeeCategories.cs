namespace Glidepath.Domain.Categories;

/// <summary>
/// The shipped payee-to-category dictionary: a merchant's normalised name (<see cref="PayeeNames"/>) to a category of the
/// default tree, as "Parent/Child". Written for this product from merchants' public names and what they sell (no personal
/// data, no data set). Used only when no rule and no statement category decides (docs/categories.md). A household that
/// renamed or deleted the category named here gets nothing from the entry.
/// </summary>
public static class PayeeCategories
{
    private static readonly Dictionary<string, string> ByMerchant = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Amazon"] = "Shopping/Online marketplaces",
        ["eBay"] = "Shopping/Online marketplaces",
        ["Etsy"] = "Shopping/Online marketplaces",
        ["Walmart"] = "Food/Groceries",
        ["Costco"] = "Food/Groceries",
        ["Whole Foods"] = "Food/Groceries",
        ["Trader Joe's"] = "Food/Groceries",
        ["Kroger"] = "Food/Groceries",
        ["Safeway"] = "Food/Groceries",
        ["Tesco"] = "Food/Groceries",
        ["Sainsbury's"] = "Food/Groceries",
        ["Lidl"] = "Food/Groceries",
        ["Aldi"] = "Food/Groceries",
        ["REWE"] = "Food/Groceries",
        ["EDEKA"] = "Food/Groceries",
        ["Migros"] = "Food/Groceries",
        ["Coop"] = "Food/Groceries",
        ["Target"] = "Shopping/Household",
        ["The Home Depot"] = "Shopping/Household",
        ["Lowe's"] = "Shopping/Household",
        ["IKEA"] = "Shopping/Household",
        ["Best Buy"] = "Shopping/Electronics",
        ["Apple"] = "Shopping/Electronics",
        ["Uber Eats"] = "Food/Takeaway",
        ["DoorDash"] = "Food/Takeaway",
        ["Grubhub"] = "Food/Takeaway",
        ["McDonald's"] = "Food/Restaurants",
        ["Starbucks"] = "Food/Coffee",
        ["Uber"] = "Transport/Taxi and ride-hailing",
        ["Lyft"] = "Transport/Taxi and ride-hailing",
        ["Shell"] = "Transport/Fuel",
        ["Chevron"] = "Transport/Fuel",
        ["ExxonMobil"] = "Transport/Fuel",
        ["Netflix"] = "Entertainment/Streaming",
        ["Spotify"] = "Entertainment/Streaming",
        ["YouTube"] = "Entertainment/Streaming",
        ["CVS"] = "Health/Pharmacy",
        ["Walgreens"] = "Health/Pharmacy",
        ["Airbnb"] = "Travel/Lodging",
        ["Delta Air Lines"] = "Travel/Flights",
        ["United Airlines"] = "Travel/Flights",
        ["Southwest Airlines"] = "Travel/Flights",
    };

    /// <summary>The "Parent/Child" path for a normalised merchant name, or null.</summary>
    public static string? PathFor(string payee) => ByMerchant.GetValueOrDefault(payee);

    public static IReadOnlyDictionary<string, string> All => ByMerchant;
}
