using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;

namespace Glidepath.Server.Demo;

/// <summary>
/// Writes seven years (1994 to the end of 2000, or the last close kept, see <see cref="DemoCalendar"/>)
/// of the demo household's transactions, trading at the real closes of the Dow Jones 30 file, on the
/// file's own dates (the seeder moves them forward afterwards). Everything random comes from the one seeded generator, so
/// the same seed and prices give the same history, ids included. Salaries, spending and
/// dividend yields are illustrative: the price file carries neither dividends nor splits (its
/// prices are split-adjusted), so the demo books no split.
/// </summary>
internal sealed partial class DemoHistoryGenerator
{
    public const int Seed = 20010102;

    private static readonly DateOnly Start = new(1994, 1, 1);

    /// <summary>US equity trades settled T+5 until 7 June 1995 and T+3 after (SEC Rule 15c6-1).</summary>
    private static readonly DateOnly TPlusThreeFrom = new(1995, 6, 7);

    private const decimal Commission = 7.95m;

    private static readonly string[] BrokerageBasket = ["KO", "JNJ", "GE", "MSFT", "WMT", "PG", "IBM", "MRK", "XOM", "INTC", "HD", "DIS"];
    private static readonly string[] IraBasket = ["MMM", "MO", "JPM", "BA", "CAT", "DD", "UTX", "MCD"];
    private static readonly string[] RothBasket = ["INTC", "MSFT", "HWP", "HD", "C", "AXP"];
    private static readonly string[] PlanFunds = ["GE", "JNJ", "PG", "KO"];

    private readonly Random random;
    private readonly DemoPriceTable prices;
    private readonly IReadOnlyDictionary<string, Guid> instrumentIds;
    private readonly Dictionary<Guid, string> symbols;
    private readonly DemoHousehold demo;
    private readonly Dictionary<Guid, DemoBook> books;
    private readonly List<Transaction> history = [];

    private DemoHistoryGenerator(DemoHousehold demo, IReadOnlyDictionary<string, Guid> instrumentIds, DemoPriceTable prices, Random random)
    {
        this.demo = demo;
        this.instrumentIds = instrumentIds;
        this.prices = prices;
        this.random = random;
        symbols = instrumentIds.ToDictionary(p => p.Value, p => p.Key);
        books = demo.Accounts.ToDictionary(a => a.Id, _ => new DemoBook());
    }

    public static IReadOnlyList<Transaction> Generate(
        DemoHousehold demo, IReadOnlyDictionary<string, Guid> instrumentIds, DemoPriceTable prices, Random random, DateOnly end)
    {
        var generator = new DemoHistoryGenerator(demo, instrumentIds, prices, random);
        var first = true;
        foreach (var month in prices.Months(Start, end))
        {
            if (first)
            {
                generator.OpenAccounts(month.First);
                first = false;
            }

            generator.Play(month);
        }

        return generator.history;
    }

    private void OpenAccounts(DateOnly day)
    {
        CashEntry(demo.Checking, TransactionType.Deposit, day, 25_000m, "Opening balance");
        CashEntry(demo.Brokerage, TransactionType.Deposit, day, 40_000m, "Opening deposit");
        CashEntry(demo.TraditionalIra, TransactionType.Deposit, day, 30_000m, "Rollover from a former employer's plan");
        CashEntry(demo.Plan401K, TransactionType.Deposit, day, 15_000m, "Opening balance");
    }

    private void Play(DemoMonth month)
    {
        var growth = SalaryGrowth(month.Year);
        PayCard(month.First);
        if (month.Month == 1)
        {
            CashEntry(demo.CreditCard, TransactionType.Fee, month.First, 75m, "Annual card fee");
        }

        CashEntry(demo.Checking, TransactionType.Deposit, month.First, Cents(5_200m * growth), "Alex salary");
        CashEntry(demo.Checking, TransactionType.Deposit, month.First, Cents(4_000m * growth), "Sam salary");
        PlanContribution(month, growth);
        MoveCash(demo.Checking, demo.Brokerage, month.First, 2_500m);
        if (month.Month == 4)
        {
            IraContributions(month);
        }

        CashEntry(demo.Checking, TransactionType.Withdrawal, month.Middle,
            Cents((4_900m * growth) + random.Next(-40_000, 40_000) / 100m), "Household spending");
        foreach (var day in new[] { month.First, month.Middle, month.Last })
        {
            CashEntry(demo.CreditCard, TransactionType.Withdrawal, day, random.Next(4_000, 45_000) / 100m, "Card purchases");
        }

        if (books[demo.Brokerage.Id].Cash > 2_500m)
        {
            Buy(demo.Brokerage, Pick(BrokerageBasket), month.Middle, books[demo.Brokerage.Id].Cash - 500m);
        }

        Rebalance(month);
        MonthEnd(month);
    }

    private void PlanContribution(DemoMonth month, decimal growth)
    {
        CashEntry(demo.Plan401K, TransactionType.Deposit, month.First, Cents(650m * growth), "Payroll deferral");
        CashEntry(demo.Plan401K, TransactionType.Deposit, month.First, Cents(325m * growth), "Employer match");
        var fund = PlanFunds[((month.Year * 12) + month.Month) % PlanFunds.Length];
        Buy(demo.Plan401K, fund, month.First, books[demo.Plan401K.Id].Cash, quantityDecimals: 3, fees: 0m);
    }

    private void IraContributions(DemoMonth month)
    {
        MoveCash(demo.Checking, demo.TraditionalIra, month.First, 2_000m);
        Buy(demo.TraditionalIra, Pick(IraBasket), month.Middle, books[demo.TraditionalIra.Id].Cash - 100m);

        // Roth IRAs exist from tax year 1998 (Taxpayer Relief Act of 1997).
        if (month.Year >= 1998)
        {
            MoveCash(demo.Checking, demo.RothIra, month.First, 2_000m);
            Buy(demo.RothIra, Pick(RothBasket), month.Middle, books[demo.RothIra.Id].Cash - 50m);
        }
    }

    private void MonthEnd(DemoMonth month)
    {
        if (month.EndsQuarter)
        {
            foreach (var account in new[] { demo.Brokerage, demo.TraditionalIra, demo.RothIra, demo.Plan401K })
            {
                PayDividends(account, month.Last);
            }

            Interest(demo.Brokerage, month.Last, 0.04m / 4, "Cash sweep interest");
        }

        Interest(demo.Checking, month.Last, 0.015m / 12, "Checking interest");
        if (month.Month == 12)
        {
            CashEntry(demo.TraditionalIra, TransactionType.Fee, month.Last, 25m, "Custodial fee");
        }
    }

    private static decimal SalaryGrowth(int year)
    {
        var growth = 1m;
        for (var y = 1994; y < year; y++)
        {
            growth *= 1.035m;
        }

        return growth;
    }

    private string Pick(string[] basket) => basket[random.Next(basket.Length)];

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
