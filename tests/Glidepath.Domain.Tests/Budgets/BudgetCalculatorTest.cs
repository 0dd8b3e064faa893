using Glidepath.Domain.Budgets;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Currencies;

namespace Glidepath.Domain.Tests.Budgets;

/// <summary>Rollover, children, refunds and conversion against numbers worked by hand (docs/budgets.md).</summary>
public class BudgetCalculatorTest
{
    private static readonly Category Food = new() { Name = "Food", Kind = CategoryKind.Expense };
    private static readonly Category Groceries = new() { Name = "Groceries", ParentId = Food.Id, Kind = CategoryKind.Expense };
    private static readonly Category Salary = new() { Name = "Salary", Kind = CategoryKind.Income };
    private static readonly Category Savings = new() { Name = "Savings", Kind = CategoryKind.Transfer };
    private static readonly CategoryTree Tree = new([Food, Groceries, Salary, Savings]);

    private static ReportingEntry Entry(int month, int day, Category c, decimal amount, string payee = "Shop") =>
        new(new DateOnly(2025, month, day), c.Id, Tree.KindOf(c), amount, payee);

    [Fact]
    public void Line_RolloverOverThreeMonths_CarriesUnspentAndOverspent()
    {
        // 300.00 a month from February. Feb: 120 + 60 (groceries, a child) = 180 spent, 120 left.
        // Mar: 300 + 120 = 420 available; 500 spent less a 30 refund = 470; −50 left. Apr: 300 − 50 = 250 available, 100 spent, 150 left.
        // The January spending is before the start; salary and the transfer are not spending.
        var entries = new[]
        {
            Entry(1, 15, Food, -999m), Entry(2, 1, Food, -120m), Entry(2, 28, Groceries, -60m), Entry(2, 28, Salary, 5000m), Entry(2, 3, Savings, -1000m),
            Entry(3, 1, Groceries, -500m), Entry(3, 31, Groceries, 30m), Entry(4, 30, Food, -100m),
        };
        var calculator = new BudgetCalculator(Tree, entries);
        var budget = new Budget { CategoryId = Food.Id, Amount = 300m, Rollover = true, StartMonth = new DateOnly(2025, 2, 1) };

        Assert.Null(calculator.Line(budget, new DateOnly(2025, 1, 1)));
        var lines = new[] { 2, 3, 4 }.Select(m => calculator.Line(budget, new DateOnly(2025, m, 1))!).ToList();
        Assert.Equal(
            [(0m, 300m, 180m, 120m, (decimal?)0.6m), (120m, 420m, 470m, -50m, 1.119m), (-50m, 250m, 100m, 150m, 0.4m)],
            lines.Select(l => (l.CarriedIn, l.Available, l.Spent, l.Remaining, l.Progress)));

        // Without rollover every month starts from 300.00; a budget on the child counts the child alone.
        budget.Rollover = false;
        Assert.Equal((0m, 300m, -170m), Pick(calculator.Line(budget, new DateOnly(2025, 3, 1))!));
        var groceries = new Budget { CategoryId = Groceries.Id, Amount = 50m, Rollover = true, StartMonth = new DateOnly(2025, 2, 1) };
        Assert.Equal((-10m, 40m, -430m), Pick(calculator.Line(groceries, new DateOnly(2025, 3, 1))!));   // Feb: 50 − 60 = −10; Mar: 40 − 470
    }

    [Fact]
    public void Line_NothingAvailable_HasNoProgress()
    {
        var calculator = new BudgetCalculator(Tree, [Entry(2, 1, Food, -10m)]);
        var line = calculator.Line(new Budget { CategoryId = Food.Id, Amount = 0m, StartMonth = new DateOnly(2025, 2, 1) }, new DateOnly(2025, 2, 20))!;
        Assert.Equal((0m, 10m, -10m, (decimal?)null), (line.Available, line.Spent, line.Remaining, line.Progress));
    }

    [Fact]
    public void Converter_FixedRateForTheMonth_WinsOverTheStoredRate_OtherwiseStoredOrMissing()
    {
        var eur = Currency.Eur;
        var converter = new ReportingConverter(Currency.Usd, (c, d) => d.Month == 3 ? 1.10m : null,
            [new BudgetFxOverride { Month = new DateOnly(2025, 4, 1), Currency = eur, ReportingCurrency = Currency.Usd, Rate = 1.25m },
             new BudgetFxOverride { Month = new DateOnly(2025, 3, 1), Currency = eur, ReportingCurrency = Currency.Chf, Rate = 9m }]);   // another reporting currency: unused
        var (converted, unconverted) = converter.Convert(
            [new SpendingEntry(new DateOnly(2025, 3, 5), Food.Id, -100m, eur, "A"), new SpendingEntry(new DateOnly(2025, 4, 5), Food.Id, -100m, eur, "B"),
             new SpendingEntry(new DateOnly(2025, 5, 5), Food.Id, -40m, eur, "C"), new SpendingEntry(new DateOnly(2025, 5, 6), null, -2m, Currency.Usd, "D")], Tree);
        Assert.Equal([-110m, -125m, -2m], converted.Select(e => e.Amount));
        Assert.Equal([(new DateOnly(2025, 5, 1), "EUR", -40m, 1)], unconverted.Select(u => (u.Month, u.Currency, u.Amount, u.Entries)));
    }

    [Fact]
    public void CashFlow_MonthsChangesCategoriesAndPayees()
    {
        // Feb: income 5000, expense 120 + 60 = 180. Mar: expense 500 − 30 = 470 (+290, 161.11 %). The transfer counts nowhere.
        var entries = new[]
        {
            Entry(2, 1, Food, -120m, "Tesco"), Entry(2, 28, Groceries, -60m, "Aldi"), Entry(2, 28, Salary, 5000m, "Acme"), Entry(2, 3, Savings, -1000m, "Me"),
            Entry(3, 1, Groceries, -500m, "Aldi"), Entry(3, 31, Groceries, 30m, "aldi"),
        };
        var summary = CashFlowReporter.Summarise(entries, new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 31));
        Assert.Equal(
            [(5000m, 180m, 4820m, (decimal?)null, (decimal?)null), (0m, 470m, -470m, 290m, 161.11m)],
            summary.Months.Select(m => (m.Income, m.Expense, m.Net, m.ExpenseChange, m.ExpenseChangePercent)));
        Assert.Equal([(Groceries.Id, 530m, (decimal?)0.8154m), (Food.Id, 120m, 0.1846m)], summary.SpendingByCategory.Select(c => (c.CategoryId, c.Amount, c.Share)));
        Assert.Equal([("Aldi", 530m, 3), ("Tesco", 120m, 1)], summary.TopPayees.Select(p => (p.Payee, p.Amount, p.Entries)));
    }

    private static (decimal CarriedIn, decimal Available, decimal Remaining) Pick(BudgetMonthLine l) => (l.CarriedIn, l.Available, l.Remaining);
}
