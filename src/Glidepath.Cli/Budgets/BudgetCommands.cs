using System.CommandLine;
using System.Globalization;
using Glidepath.Application.Budgets;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Remote;
using Glidepath.Client.Generated;
using Glidepath.Domain.Results;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Glidepath.Cli.Budgets;

/// <summary>
/// <c>glidepath budgets --household ID [--month yyyy-MM] [--json]</c> and
/// <c>glidepath cash-flow --household ID [--from D] [--to D] [--json]</c> (docs/budgets.md): the use cases on the local
/// database, or the same routes through the generated client with <c>--server</c>; the JSON is the API's answer.
/// </summary>
public static class BudgetCommands
{
    public static Command CreateBudgets(CliEnvironment env, RemoteServer remote)
    {
        var household = CliOptions.Household();
        var month = new Option<string?>("--month") { Description = "The month, yyyy-MM (default: the current month)." };
        var json = CliOptions.Json();
        var command = new Command("budgets", "A household's budgets against actual spending for a month, with rollover.") { household, month, json };
        command.SetAction(async (parse, ct) =>
        {
            var (id, asJson) = (parse.GetValue(household), parse.GetValue(json));
            var chosen = parse.GetValue(month) ?? DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Result<BudgetMonthDto> result;
            if (remote.Address(parse) is { } server)
            {
                var dto = await remote.Connect(server).Api.V1.Households[id].Budgets.Months[chosen].GetAsync(cancellationToken: ct)
                    ?? throw new RemoteException("the server's answer has no body.");
                result = FromWire(dto);
            }
            else
            {
                await using var services = await CliDatabase.OpenAsync(env, ct);
                await using var scope = services.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<HouseholdBudgets>().MonthAsync(id, chosen, ct);
            }

            return Write(env, result, asJson, WriteMonth);
        });
        return command;
    }

    public static Command CreateCashFlow(CliEnvironment env, RemoteServer remote)
    {
        var household = CliOptions.Household();
        var from = CliOptions.Date("--from", "First trade date (default: the first of the month eleven months before --to)");
        var to = CliOptions.Date("--to", "Last trade date (default: today)");
        var json = CliOptions.Json();
        var command = new Command("cash-flow", "Income against expense by month, spending by category and the top payees.") { household, from, to, json };
        command.SetAction(async (parse, ct) =>
        {
            var (id, start, end, asJson) = (parse.GetValue(household), parse.GetValue(from), parse.GetValue(to), parse.GetValue(json));
            Result<CashFlowDto> result;
            if (remote.Address(parse) is { } server)
            {
                var dto = await remote.Connect(server).Api.V1.Households[id].CashFlow.GetAsync(
                    r => (r.QueryParameters.From, r.QueryParameters.To) = (start?.ToWire(), end?.ToWire()), ct) ?? throw new RemoteException("the server's answer has no body.");
                result = FromWire(dto);
            }
            else
            {
                await using var services = await CliDatabase.OpenAsync(env, ct);
                await using var scope = services.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<CashFlowReports>().GetAsync(id, start, end, ct);
            }

            return Write(env, result, asJson, WriteCashFlow);
        });
        return command;
    }

    private static int Write<T>(CliEnvironment env, Result<T> result, bool json, Action<IAnsiConsole, T> table)
    {
        if (!result.TryGet(out var value, out var problem))
        {
            return env.Fail(ExitCodes.Failure, problem.Message);
        }

        if (json)
        {
            CliJson.Write(env.Out, value);
        }
        else
        {
            table(env.Console, value);
        }

        return ExitCodes.Success;
    }

    private static string Amount(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static void WriteMonth(IAnsiConsole console, BudgetMonthDto m)
    {
        var table = new Table().Title($"Budgets for {m.Month} in {m.Currency}");
        table.AddColumns("Category", "Budgeted", "Carried in", "Available", "Spent", "Left", "Progress", "Rollover");
        foreach (var l in m.Lines)
        {
            table.AddRow(Markup.Escape(l.CategoryPath), Amount(l.Budgeted), Amount(l.CarriedIn), Amount(l.Available), Amount(l.Spent), Amount(l.Remaining),
                l.Progress is { } p ? p.ToString("P1", CultureInfo.InvariantCulture) : "—", l.Rollover ? "on" : "off");
        }

        table.AddRow("Total", Amount(m.TotalBudgeted), "", Amount(m.TotalAvailable), Amount(m.TotalSpent), Amount(m.TotalRemaining), "", "");
        console.Write(table);
        console.WriteLine($"Spent outside budgets: {Amount(m.UnbudgetedSpending)}");
    }

    private static void WriteCashFlow(IAnsiConsole console, CashFlowDto r)
    {
        var months = new Table().Title($"Cash flow in {r.Currency}, {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}");
        months.AddColumns("Month", "Income", "Expense", "Net", "Expense change", "Uncategorised");
        foreach (var m in r.Months)
        {
            months.AddRow(m.Month, Amount(m.Income), Amount(m.Expense), Amount(m.Net), m.ExpenseChange is { } c ? Amount(c) : "—", Amount(m.Uncategorised));
        }

        months.AddRow("Total", Amount(r.TotalIncome), Amount(r.TotalExpense), Amount(r.TotalNet), "", "");
        console.Write(months);
        var categories = new Table().Title("Spending by category");
        categories.AddColumns("Category", "Spent", "Share");
        foreach (var c in r.SpendingByCategory)
        {
            categories.AddRow(Markup.Escape(c.CategoryPath), Amount(c.Amount), c.Share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "—");
        }

        console.Write(categories);
        var payees = new Table().Title("Top payees");
        payees.AddColumns("Payee", "Spent", "Entries");
        foreach (var p in r.TopPayees)
        {
            payees.AddRow(Markup.Escape(p.Payee), Amount(p.Amount), p.Entries.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(payees);
    }

    private static UnconvertedAmountDto FromWire(Client.Generated.Models.UnconvertedAmountDto u) =>
        new(u.Month.Need("month"), u.Currency.Need("currency"), u.Amount.Need("amount"), u.Entries.Need("entries"));

    private static BudgetMonthDto FromWire(Client.Generated.Models.BudgetMonthDto m) => new(
        m.Month.Need("month"), m.Currency.Need("currency"),
        [.. m.Lines.Need("lines").Select(l => new BudgetLineDto(
            l.BudgetId.Need("budgetId"), l.CategoryId.Need("categoryId"), l.CategoryPath.Need("categoryPath"), l.Rollover.Need("rollover"), l.StartMonth.Need("startMonth"),
            l.Budgeted.Need("budgeted"), l.CarriedIn.Need("carriedIn"), l.Available.Need("available"), l.Spent.Need("spent"), l.Remaining.Need("remaining"), l.Progress))],
        m.TotalBudgeted.Need("totalBudgeted"), m.TotalAvailable.Need("totalAvailable"), m.TotalSpent.Need("totalSpent"), m.TotalRemaining.Need("totalRemaining"),
        m.UnbudgetedSpending.Need("unbudgetedSpending"),
        [.. m.Unconverted.Need("unconverted").Select(FromWire)],
        [.. m.FxOverrides.Need("fxOverrides").Select(o => new BudgetFxOverrideDto(o.Month.Need("month"), o.Currency.Need("currency"), o.ReportingCurrency.Need("reportingCurrency"), o.Rate.Need("rate")))]);

    private static CashFlowDto FromWire(Client.Generated.Models.CashFlowDto r) => new(
        r.From.Need("from"), r.To.Need("to"), r.Currency.Need("currency"),
        [.. r.Months.Need("months").Select(m => new CashFlowMonthDto(
            m.Month.Need("month"), m.Income.Need("income"), m.Expense.Need("expense"), m.Net.Need("net"), m.Uncategorised.Need("uncategorised"),
            m.IncomeChange, m.ExpenseChange, m.ExpenseChangePercent))],
        r.TotalIncome.Need("totalIncome"), r.TotalExpense.Need("totalExpense"), r.TotalNet.Need("totalNet"),
        [.. r.SpendingByCategory.Need("spendingByCategory").Select(c => new CategorySpendingDto(
            c.CategoryId.Need("categoryId"), c.CategoryPath.Need("categoryPath"), c.TopLevel.Need("topLevel"), c.Amount.Need("amount"), c.Share, c.Entries.Need("entries")))],
        [.. r.TopPayees.Need("topPayees").Select(p => new PayeeSpendingDto(p.Payee.Need("payee"), p.Amount.Need("amount"), p.Entries.Need("entries")))],
        [.. r.Unconverted.Need("unconverted").Select(FromWire)]);
}
