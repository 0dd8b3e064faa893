using System.Globalization;

namespace Glidepath.Ml.Categories;

/// <summary>
/// A GENERATED labelled set of bank transactions (docs/categoriser.md, "The labelled set"): no real household's data.
/// The merchant names were written for this product; each belongs to a category of the default tree (docs/categories.md)
/// with a typical amount (log-normal around a median), the days of the month it falls on and the accounts it is paid
/// from. The payee is written the way statements vary it (case, a store number, a legal suffix), the memo the way banks
/// write it (card prefix, a reference, a city). Two things keep it from being trivially separable: 15 % of a
/// two-category merchant's rows carry its second category (a supermarket's household goods, a pharmacy's groceries),
/// and 3 % of all rows carry a random other category of the same direction (a labeller's mistakes). Seeded: the same
/// seed gives the same rows.
/// </summary>
public static class GeneratedLabelledSet
{
    private sealed record Merchant(string Name, string Category, string? Second, double Median, double Sigma, int DayFrom, int DayTo, string[] Accounts, bool Inflow = false);

    private static readonly string[] Card = ["Checking", "CreditCard"];
    private static readonly string[] Checking = ["Checking"];
    private static readonly string[] CreditCard = ["CreditCard"];
    private static readonly string[] Savings = ["Savings", "Checking"];

    private static readonly Merchant[] Merchants =
    [
        new("Northfield Payroll", "Income/Salary", null, 3200, 0.05, 25, 28, Checking, Inflow: true),
        new("Harlow & Finch Ltd Salary", "Income/Salary", null, 2850, 0.05, 25, 28, Checking, Inflow: true),
        new("Northfield Annual Bonus", "Income/Bonus", null, 1500, 0.5, 25, 28, Checking, Inflow: true),
        new("Interest Earned", "Income/Interest and dividends", null, 4, 0.8, 1, 1, Savings, Inflow: true),
        new("Dividend Credit", "Income/Interest and dividends", null, 35, 0.8, 10, 20, Savings, Inflow: true),
        new("Returned Goods Credit", "Income/Refunds", null, 40, 0.9, 1, 31, Card, Inflow: true),
        new("Brightwater Lettings", "Housing/Rent", null, 1350, 0.02, 1, 3, Checking),
        new("Oakridge Home Loans", "Housing/Mortgage", null, 1120, 0.02, 1, 2, Checking),
        new("FixRight Plumbing", "Housing/Maintenance", null, 180, 0.6, 1, 31, Card),
        new("Hearthguard Home Insurance", "Housing/Home insurance", null, 38, 0.05, 5, 6, Checking),
        new("Borough Council Tax", "Housing/Property tax", null, 145, 0.03, 1, 10, Checking),
        new("Harbour Market", "Food/Groceries", "Shopping/Household", 62, 0.6, 1, 31, Card),
        new("Greenleaf Grocers", "Food/Groceries", null, 34, 0.5, 1, 31, Card),
        new("Fresh Basket", "Food/Groceries", "Shopping/Household", 48, 0.6, 1, 31, Card),
        new("Bluefin Deli", "Food/Restaurants", "Food/Takeaway", 27, 0.5, 1, 31, Card),
        new("The Copper Kettle", "Food/Restaurants", null, 45, 0.5, 1, 31, CreditCard),
        new("Trattoria Lume", "Food/Restaurants", null, 58, 0.4, 1, 31, CreditCard),
        new("Corner Grind Coffee", "Food/Coffee", null, 4.2, 0.3, 1, 31, Card),
        new("Bean There Cafe", "Food/Coffee", "Food/Restaurants", 5.5, 0.4, 1, 31, Card),
        new("Wokstar Delivery", "Food/Takeaway", null, 24, 0.3, 1, 31, CreditCard),
        new("Pizza Pronto", "Food/Takeaway", null, 19, 0.3, 1, 31, Card),
        new("Velo Fuel Station", "Transport/Fuel", "Food/Coffee", 55, 0.3, 1, 31, Card),
        new("Ridgeway Petrol", "Transport/Fuel", null, 60, 0.3, 1, 31, CreditCard),
        new("Metro Transit Card", "Transport/Public transport", null, 30, 0.2, 1, 31, Card),
        new("Citylink Rail", "Transport/Public transport", "Travel/Flights", 22, 0.7, 1, 31, Card),
        new("Swiftcab", "Transport/Taxi and ride-hailing", null, 16, 0.5, 1, 31, CreditCard),
        new("Parkwise", "Transport/Parking", null, 6, 0.4, 1, 31, Card),
        new("AutoCare Garage", "Transport/Car maintenance", null, 240, 0.6, 1, 31, Card),
        new("Lumen Energy", "Utilities/Electricity", "Utilities/Gas", 72, 0.2, 14, 16, Checking),
        new("Northgas Supply", "Utilities/Gas", null, 48, 0.3, 14, 16, Checking),
        new("Clearspring Water", "Utilities/Water", null, 31, 0.1, 20, 21, Checking),
        new("Fibrelink Broadband", "Utilities/Internet", null, 35, 0.02, 8, 8, Checking),
        new("Talkmore Mobile", "Utilities/Phone", null, 22, 0.05, 12, 12, Checking),
        new("Riverside Medical Practice", "Health/Doctor", null, 65, 0.4, 1, 31, Card),
        new("Wellspring Pharmacy", "Health/Pharmacy", "Food/Groceries", 14, 0.6, 1, 31, Card),
        new("Shieldcare Health", "Health/Health insurance", null, 89, 0.02, 1, 1, Checking),
        new("Pulse Gym", "Health/Fitness", null, 39, 0.02, 3, 3, Checking),
        new("Streamly", "Entertainment/Streaming", null, 11, 0.05, 17, 17, CreditCard),
        new("Tunebox Music", "Entertainment/Streaming", null, 10, 0.02, 9, 9, CreditCard),
        new("Ticketsquare", "Entertainment/Events", null, 70, 0.6, 1, 31, CreditCard),
        new("Pixelforge Games", "Entertainment/Games", null, 25, 0.6, 1, 31, CreditCard),
        new("Crafty Corner", "Entertainment/Hobbies", "Shopping/Household", 22, 0.6, 1, 31, Card),
        new("Threadline Apparel", "Shopping/Clothing", null, 55, 0.6, 1, 31, CreditCard),
        new("Stepwell Shoes", "Shopping/Clothing", null, 80, 0.4, 1, 31, CreditCard),
        new("Voltbay Electronics", "Shopping/Electronics", null, 150, 1.0, 1, 31, CreditCard),
        new("Homestead Hardware", "Shopping/Household", "Housing/Maintenance", 35, 0.7, 1, 31, Card),
        new("Bazaarly Online", "Shopping/Online marketplaces", "Shopping/Electronics", 30, 0.8, 1, 31, CreditCard),
        new("Skylark Airways", "Travel/Flights", null, 240, 0.5, 1, 31, CreditCard),
        new("Harbourview Hotel", "Travel/Lodging", null, 160, 0.5, 1, 31, CreditCard),
        new("Roamwheels Car Hire", "Travel/Car rental", null, 120, 0.4, 1, 31, CreditCard),
        new("Westgate College", "Education/Tuition", null, 450, 0.1, 1, 5, Checking),
        new("Learnloop Courses", "Education/Courses", null, 49, 0.4, 1, 31, CreditCard),
        new("Quill & Page Books", "Education/Books", "Gifts/Gifts given", 18, 0.5, 1, 31, Card),
        new("Giftwrap Emporium", "Gifts/Gifts given", null, 35, 0.6, 1, 31, Card),
        new("Open Hands Foundation", "Gifts/Charity", null, 20, 0.3, 1, 5, Checking),
        new("Monthly Account Fee", "Fees/Bank fees", null, 5, 0.01, 28, 28, Checking),
        new("Card Interest Charge", "Fees/Interest charges", null, 18, 0.6, 22, 22, CreditCard),
        new("Revenue Service Payment", "Taxes/Income tax", null, 900, 0.5, 15, 31, Checking),
        new("Transfer to Savings", "Transfers/Between own accounts", null, 300, 0.5, 26, 28, Checking),
        new("Card Payment Thank You", "Transfers/Credit card payment", null, 600, 0.5, 1, 10, Checking),
        new("Brokerage Deposit", "Transfers/Savings and investments", null, 500, 0.3, 26, 28, Checking),
    ];

    private static readonly string[] Cities = ["LEEDS", "BRISTOL", "YORK", "BATH", "DERBY", "OXFORD", "NORWICH", "EXETER"];
    private static readonly string[] Suffixes = ["", "", "", " Ltd", " #0{0}", " Store {0}", " Online"];

    /// <summary>The categories the set uses (paths of the default tree).</summary>
    public static IReadOnlyList<string> Categories { get; } = [.. Merchants.SelectMany(m => m.Second is null ? [m.Category] : new[] { m.Category, m.Second }).Distinct(StringComparer.Ordinal)];

    /// <summary>The merchant names written for this product.</summary>
    public static IReadOnlyList<string> MerchantNames { get; } = [.. Merchants.Select(m => m.Name)];

    /// <summary><paramref name="count"/> labelled rows, seeded.</summary>
    public static List<LabelledRow> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var outflowCategories = Merchants.Where(m => !m.Inflow).Select(m => m.Category).Distinct(StringComparer.Ordinal).ToArray();
        var inflowCategories = Merchants.Where(m => m.Inflow).Select(m => m.Category).Distinct(StringComparer.Ordinal).ToArray();
        var rows = new List<LabelledRow>(count);
        for (var i = 0; i < count; i++)
        {
            var m = Merchants[random.Next(Merchants.Length)];
            var label = m.Second is not null && random.NextDouble() < 0.15 ? m.Second : m.Category;
            if (random.NextDouble() < 0.03)
            {
                var pool = m.Inflow ? inflowCategories : outflowCategories;
                label = pool[random.Next(pool.Length)];
            }

            rows.Add(new LabelledRow(Row(m, random), label));
        }

        return rows;
    }

    /// <summary>One unlabelled row of the named merchant (tests: "a row of Bluefin Deli").</summary>
    public static CategoriserRow RowOf(string merchant, int seed)
    {
        var m = Merchants.FirstOrDefault(x => string.Equals(x.Name, merchant, StringComparison.Ordinal))
            ?? throw new ArgumentException($"No generated merchant is called {merchant}.", nameof(merchant));
        return Row(m, new Random(seed));
    }

    private static CategoriserRow Row(Merchant m, Random random)
    {
        var size = Math.Round(m.Median * Math.Exp(m.Sigma * Gaussian(random)), 2);
        var amount = m.Inflow ? size : -size;
        var day = random.Next(m.DayFrom, m.DayTo + 1);
        var account = m.Accounts[random.Next(m.Accounts.Length)];
        var store = random.Next(10, 99).ToString(CultureInfo.InvariantCulture);
        var payee = m.Name + string.Format(CultureInfo.InvariantCulture, Suffixes[random.Next(Suffixes.Length)], store);
        if (random.NextDouble() < 0.3)
        {
            payee = payee.ToUpperInvariant();
        }

        var reference = random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var city = Cities[random.Next(Cities.Length)];
        var memo = random.Next(4) switch
        {
            0 => $"CARD {random.Next(1000, 9999)} {m.Name.ToUpperInvariant()} {city}",
            1 => $"{m.Name.ToUpperInvariant()} REF {reference}",
            2 => $"{(m.Inflow ? "CREDIT" : "DEBIT")} {m.Name} {reference}",
            _ => $"POS {m.Name.ToUpperInvariant()}*{reference[..4]} {city}",
        };
        return new CategoriserRow(payee, memo, amount, day, account);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
