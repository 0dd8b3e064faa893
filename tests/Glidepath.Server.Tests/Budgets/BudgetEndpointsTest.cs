using System.Net;
using System.Text;
using Glidepath.Application.Accounts;
using Glidepath.Application.Budgets;
using Glidepath.Application.Categories;
using Glidepath.Application.Fx;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Accounts;
using Glidepath.Server.Categories;
using Glidepath.Server.Imports;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Budgets;

/// <summary>
/// Budgets and the cash-flow report over HTTP on both providers, against numbers worked by hand below (docs/budgets.md).
/// A USD household; groceries and fuel categorised by the payee dictionary, a salary and a transfer by hand, a Costco
/// purchase split between groceries and household goods, a Tesco refund, and a EUR grocery bill converted at the stored
/// rate of its trade date, then at a rate fixed for its month.
/// </summary>
public class BudgetEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Budgets_RolloverOverThreeMonths_SplitsRefundsTransfersAndFx_MatchHandWorkedNumbers(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var (h, id) = await SeedAsync(client);

        // Food 400.00 a month with rollover, Transport/Fuel 100.00 without, both from January 2024.
        var food = await (await client.PutAsync($"{h}/budgets/{id("Food")}", new BudgetRequest(400m, true, "2024-01"))).ReadAsync<BudgetDto>();
        Assert.Equal(("Food", 400m, "USD", true, "2024-01"), (food.CategoryPath, food.Amount, food.Currency, food.Rollover, food.StartMonth));
        await (await client.PutAsync($"{h}/budgets/{id("Transport/Fuel")}", new BudgetRequest(100m, false, "2024-01"))).ReadAsync<BudgetDto>();
        Assert.Equal(["Food", "Transport/Fuel"], (await (await client.GetAsync($"{h}/budgets")).ReadAsync<List<BudgetDto>>()).Select(b => b.CategoryPath));

        // January. Food (with its children): Tesco 150.00 + Whole Foods 100.00 = 250.00 of 400.00; 150.00 left, carried.
        // Fuel: Shell 80.00 of 100.00; 20.00 left, not carried. The salary is income, not spending.
        var jan = await MonthAsync(client, h, "2024-01");
        Assert.Equal((400m, 0m, 400m, 250m, 150m, 0.625m), Numbers(jan, "Food"));
        Assert.Equal((100m, 0m, 100m, 80m, 20m, 0.8m), Numbers(jan, "Transport/Fuel"));
        Assert.Equal((500m, 330m, 170m, 0m), (jan.TotalBudgeted, jan.TotalSpent, jan.TotalRemaining, jan.UnbudgetedSpending));

        // February. Food: Tesco 420.00 + Costco's grocery split line 70.00 − Tesco refund 20.00 = 470.00 (the 50.00 household
        // line is Shopping's; the 500.00 transfer to savings is no spending). Available 400.00 + 150.00 carried = 550.00;
        // 80.00 left; progress 470 / 550 = 0.854545… → 0.8545. Fuel: Shell 130.00 of 100.00: −30.00, not carried.
        var feb = await MonthAsync(client, h, "2024-02");
        Assert.Equal((400m, 150m, 550m, 470m, 80m, 0.8545m), Numbers(feb, "Food"));
        Assert.Equal((100m, 0m, 100m, 130m, -30m, 1.3m), Numbers(feb, "Transport/Fuel"));
        Assert.Equal(50m, feb.UnbudgetedSpending);

        // March. Food: REWE 100.00 EUR at the household's EUR/USD 1.09 of 8 March (the last on or before the 10th) = 109.00,
        // + Tesco 300.00 = 409.00. Available 400.00 + 80.00 = 480.00; 71.00 left; 409 / 480 = 0.852083… → 0.8521.
        var mar = await MonthAsync(client, h, "2024-03");
        Assert.Equal((400m, 80m, 480m, 409m, 71m, 0.8521m), Numbers(mar, "Food"));
        Assert.Equal((100m, 0m, 100m, 0m, 100m, 0m), Numbers(mar, "Transport/Fuel"));

        // A rate fixed for March: 100.00 EUR × 1.20 = 120.00; Food spends 420.00 of 480.00, 60.00 left, 0.875.
        var fixedRate = await (await client.PutAsync($"{h}/budgets/months/2024-03/fx-rates/EUR", new BudgetFxOverrideRequest(1.20m))).ReadAsync<BudgetFxOverrideDto>();
        Assert.Equal(("2024-03", "EUR", "USD", 1.20m), (fixedRate.Month, fixedRate.Currency, fixedRate.ReportingCurrency, fixedRate.Rate));
        mar = await MonthAsync(client, h, "2024-03");
        Assert.Equal((400m, 80m, 480m, 420m, 60m, 0.875m), Numbers(mar, "Food"));
        Assert.Equal(["EUR"], mar.FxOverrides.Select(o => o.Currency));

        // Fuel with rollover: January leaves 20.00 → February has 120.00, spends 130.00, leaves −10.00 → March starts at 90.00.
        await (await client.PutAsync($"{h}/budgets/{id("Transport/Fuel")}", new BudgetRequest(100m, true, "2024-01"))).ReadAsync<BudgetDto>();
        Assert.Equal((100m, 20m, 120m, 130m, -10m, 1.0833m), Numbers(await MonthAsync(client, h, "2024-02"), "Transport/Fuel"));
        Assert.Equal((100m, -10m, 90m, 0m, 90m, 0m), Numbers(await MonthAsync(client, h, "2024-03"), "Transport/Fuel"));

        // Before a budget's start month it has no line; a budget on a child counts only that child.
        Assert.Empty((await MonthAsync(client, h, "2023-12")).Lines);
        await (await client.PutAsync($"{h}/budgets/{id("Shopping/Household")}", new BudgetRequest(40m, false, "2024-02"))).ReadAsync<BudgetDto>();
        Assert.Equal((40m, 0m, 40m, 50m, -10m, 1.25m), Numbers(await MonthAsync(client, h, "2024-02"), "Shopping/Household"));
        Assert.Equal(0m, (await MonthAsync(client, h, "2024-02")).UnbudgetedSpending);

        // Removing the fixed rate goes back to the stored rate; removing a budget removes its line.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{h}/budgets/months/2024-03/fx-rates/EUR")).StatusCode);
        Assert.Equal(409m, Numbers(await MonthAsync(client, h, "2024-03"), "Food").Spent);
        await (await client.DeleteAsync($"{h}/budgets/months/2024-03/fx-rates/EUR")).ReadProblemAsync(HttpStatusCode.NotFound, "fx-rate-not-found");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{h}/budgets/{id("Shopping/Household")}")).StatusCode);
        await (await client.DeleteAsync($"{h}/budgets/{id("Shopping/Household")}")).ReadProblemAsync(HttpStatusCode.NotFound, "budget-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CashFlow_IncomeExpenseByMonth_CategoriesAndPayees_MatchHandWorkedNumbers(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var (h, id) = await SeedAsync(client);
        await (await client.PutAsync($"{h}/budgets/months/2024-03/fx-rates/EUR", new BudgetFxOverrideRequest(1.20m))).ReadAsync<BudgetFxOverrideDto>();

        var report = await (await client.GetAsync($"{h}/cash-flow?from=2024-01-01&to=2024-03-31")).ReadAsync<CashFlowDto>();
        Assert.Equal("USD", report.Currency);
        // January: salary 3000.00 in; Tesco 150 + Whole Foods 100 + Shell 80 = 330.00 out.
        // February: Tesco 420 + Costco 70 + 50 − refund 20 + Shell 130 = 650.00 out; +320.00 on January, 320 / 330 = 96.97 %.
        // March: REWE 100 EUR × 1.20 = 120 + Tesco 300 = 420.00 out; −230.00, −230 / 650 = −35.38 %. The transfer counts nowhere.
        Assert.Equal(
            [("2024-01", 3000m, 330m, 2670m, (decimal?)null, (decimal?)null), ("2024-02", 0m, 650m, -650m, 320m, 96.97m), ("2024-03", 0m, 420m, -420m, -230m, -35.38m)],
            report.Months.Select(m => (m.Month, m.Income, m.Expense, m.Net, m.ExpenseChange, m.ExpenseChangePercent)));
        Assert.Equal((3000m, 1400m, 1600m), (report.TotalIncome, report.TotalExpense, report.TotalNet));
        Assert.Equal(-3000m, report.Months[1].IncomeChange);

        // By category: groceries 150 + 100 + 420 + 70 − 20 + 120 + 300 = 1140.00 (1140 / 1400 = 0.8143), fuel 210.00 (0.15),
        // household goods 50.00 (0.0357).
        Assert.Equal(
            [("Food/Groceries", "Food", 1140m, (decimal?)0.8143m), ("Transport/Fuel", "Transport", 210m, 0.15m), ("Shopping/Household", "Shopping", 50m, 0.0357m)],
            report.SpendingByCategory.Select(c => (c.CategoryPath, c.TopLevel, c.Amount, c.Share)));

        // Payees: Tesco 150 + 420 − 20 + 300 = 850.00; Shell 210.00; Costco 120.00 (both split lines) and REWE 120.00 by name;
        // Whole Foods 100.00. Neither the employer (income) nor the transfer is a payee of spending.
        Assert.Equal(
            [("Tesco", 850m, 4), ("Shell", 210m, 2), ("Costco", 120m, 2), ("REWE", 120m, 1), ("Whole Foods", 100m, 1)],
            report.TopPayees.Select(p => (p.Payee, p.Amount, p.Entries)));
        Assert.Empty(report.Unconverted);

        // A range of one month is that month; a reversed range and an over-long one are refused.
        var feb = await (await client.GetAsync($"{h}/cash-flow?from=2024-02-01&to=2024-02-29")).ReadAsync<CashFlowDto>();
        Assert.Equal([("2024-02", 650m, (decimal?)null)], feb.Months.Select(m => (m.Month, m.Expense, m.ExpenseChange)));
        await (await client.GetAsync($"{h}/cash-flow?from=2024-03-01&to=2024-02-01")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync($"{h}/cash-flow?from=2000-01-01&to=2024-02-01")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Budgets_BadInputAndOtherHouseholds_AreRefused_AndStoreNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var tree = await (await client.GetAsync($"{h}/categories")).ReadAsync<List<CategoryDto>>();
        Guid Id(string path) => tree.Single(c => c.Path == path).Id;

        await (await client.PutAsync($"{h}/budgets/{Id("Income/Salary")}", new BudgetRequest(10m))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/budgets/{Id("Transfers")}", new BudgetRequest(10m))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/budgets/{Id("Food")}", new BudgetRequest(-1m))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/budgets/{Id("Food")}", new BudgetRequest(null))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/budgets/{Id("Food")}", new BudgetRequest(10m, StartMonth: "2024-13"))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync($"{h}/budgets/months/24-01")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/budgets/months/2024-01/fx-rates/XXX", new BudgetFxOverrideRequest(1m))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/budgets/months/2024-01/fx-rates/USD", new BudgetFxOverrideRequest(1m))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PutAsync($"{h}/budgets/months/2024-01/fx-rates/EUR", new BudgetFxOverrideRequest(0m))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // Another household's category is not found here; a stranger reaches none of the routes.
        var other = await client.HouseholdAsync("Other");
        var otherTree = await (await client.GetAsync($"/api/households/{other.Id}/categories")).ReadAsync<List<CategoryDto>>();
        await (await client.PutAsync($"{h}/budgets/{otherTree.Single(c => c.Path == "Food").Id}", new BudgetRequest(10m))).ReadProblemAsync(HttpStatusCode.NotFound, "category-not-found");
        await using (var db = app.CreateDbContext())
        {
            Assert.Empty(await db.Budgets.ToListAsync());
            Assert.Empty(await db.BudgetFxOverrides.ToListAsync());
        }

        await (await client.PutAsync($"{h}/budgets/{Id("Food")}", new BudgetRequest(10m, StartMonth: "2024-01"))).ReadAsync<BudgetDto>();
        var stranger = app.CreateClient(await app.CreateUserAsync());
        foreach (var url in new[] { $"{h}/budgets", $"{h}/budgets/months/2024-01", $"{h}/cash-flow" })
        {
            Assert.True((await stranger.GetAsync(url)).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, url);
        }

        Assert.True((await stranger.PutAsync($"{h}/budgets/{Id("Food")}", new BudgetRequest(99m))).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.True((await stranger.DeleteAsync($"{h}/budgets/{Id("Food")}")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.Equal(10m, (await (await client.GetAsync($"{h}/budgets")).ReadAsync<List<BudgetDto>>()).Single().Amount);
    }

    /// <summary>The household of the worked example: January to March 2024 in a USD checking account and a EUR account.</summary>
    private static async Task<(string H, Func<string, Guid> Id)> SeedAsync(HttpClient client)
    {
        var household = await client.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var checking = await client.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var euro = await (await client.PostAsync($"{h}/accounts", new CreateAccountRequest("Girokonto", AccountType.Checking, "EUR", "Test Bank", "DE123", null, Domain.TaxLots.LotReliefMethod.Fifo)))
            .ReadAsync<AccountDto>(HttpStatusCode.Created);
        await (await client.PutAsync($"{h}/fx-rates", new FxRateRequest(new DateOnly(2024, 3, 8), "EUR", "USD", 1.09m))).ReadAsync<object>();
        await (await client.PutAsync($"{h}/fx-rates", new FxRateRequest(new DateOnly(2024, 3, 11), "EUR", "USD", 1.50m))).ReadAsync<object>();   // after the trade: not used

        await ImportAsync(client, h, checking.Id, """
            Date,Type,Amount,Memo
            2024-01-05,Withdrawal,150.00,TESCO STORES 1234
            2024-01-10,Withdrawal,80.00,SHELL OIL 5555
            2024-01-20,Withdrawal,100.00,WHOLE FOODS MARKET
            2024-01-31,Deposit,3000.00,ACME PAYROLL
            2024-02-03,Withdrawal,420.00,TESCO STORES 1234
            2024-02-11,Withdrawal,130.00,SHELL OIL 5555
            2024-02-14,Withdrawal,120.00,COSTCO WHOLESALE
            2024-02-20,Deposit,20.00,TESCO STORES REFUND
            2024-02-25,Withdrawal,500.00,TRANSFER TO SAVINGS
            2024-03-15,Withdrawal,300.00,TESCO STORES 1234
            """);
        await ImportAsync(client, h, euro.Id, "Date,Type,Amount,Memo\n2024-03-10,Withdrawal,100.00,REWE MARKT 42\n");

        var tree = await (await client.GetAsync($"{h}/categories")).ReadAsync<List<CategoryDto>>();
        Guid Id(string path) => tree.Single(c => c.Path == path).Id;
        var rows = (await (await client.GetAsync($"{h}/categories/transactions?pageSize=100")).ReadAsync<CategorisedTransactionsPage>()).Items;
        Guid Row(string memo) => rows.Single(r => r.Memo == memo).TransactionId;
        await (await client.PutAsync($"{h}/transactions/{Row("ACME PAYROLL")}/category", new CategorisationRequest(Id("Income/Salary")))).ReadAsync<CategorisedTransactionDto>();
        await (await client.PutAsync($"{h}/transactions/{Row("TRANSFER TO SAVINGS")}/category", new CategorisationRequest(Id("Transfers/Between own accounts")))).ReadAsync<CategorisedTransactionDto>();
        await (await client.PutAsync($"{h}/transactions/{Row("COSTCO WHOLESALE")}/category", new CategorisationRequest(null,
            Splits: [new SplitLineRequest(Id("Food/Groceries"), -70m), new SplitLineRequest(Id("Shopping/Household"), -50m)]))).ReadAsync<CategorisedTransactionDto>();

        // The dictionary categorised the rest: check the premise of the worked numbers.
        rows = (await (await client.GetAsync($"{h}/categories/transactions?pageSize=100")).ReadAsync<CategorisedTransactionsPage>()).Items;
        Assert.All(rows.Where(r => r.Memo!.StartsWith("TESCO", StringComparison.Ordinal) || r.Memo.StartsWith("REWE", StringComparison.Ordinal) || r.Memo.StartsWith("WHOLE", StringComparison.Ordinal)),
            r => Assert.Equal("Food/Groceries", r.CategoryPath));
        Assert.All(rows.Where(r => r.Memo!.StartsWith("SHELL", StringComparison.Ordinal)), r => Assert.Equal("Transport/Fuel", r.CategoryPath));
        return (h, Id);
    }

    private static async Task ImportAsync(HttpClient client, string h, Guid accountId, string csv) =>
        await (await client.PostAsync($"{h}/imports/transactions?accountId={accountId}", new StringContent(csv.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n", Encoding.UTF8, "text/csv")))
            .ReadAsync<ImportResultDto>();

    private static async Task<BudgetMonthDto> MonthAsync(HttpClient client, string h, string month) =>
        await (await client.GetAsync($"{h}/budgets/months/{month}")).ReadAsync<BudgetMonthDto>();

    private static (decimal Budgeted, decimal CarriedIn, decimal Available, decimal Spent, decimal Remaining, decimal? Progress) Numbers(BudgetMonthDto month, string path)
    {
        var l = month.Lines.Single(l => l.CategoryPath == path);
        return (l.Budgeted, l.CarriedIn, l.Available, l.Spent, l.Remaining, l.Progress);
    }
}
