using Glidepath.Domain.Planning;
using Glidepath.Domain.Results;
using Glidepath.Quant.MonteCarlo;
using Glidepath.Quant.Taxes;

namespace Glidepath.Domain.Tests.Planning;

public class TaxesScenarioTests
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));

    [Fact]
    public void Compile_TaxedExample_CarriesAccountsTablesAndDefaults()
    {
        var input = ScenarioCompiler.Compile(ScenarioParser.Parse(Example("household-plan-taxes.json")).Ok(), null).Ok().Input;

        var t = input.Taxes!;
        Assert.Equal(250_000, input.StartBalance); // the accounts' sum stands in for startBalance
        Assert.Equal(2026, t.Table.Year);
        Assert.Equal(FilingStatus.MarriedFilingJointly, t.FilingStatus);
        Assert.Equal((60_000, 45_000, 150_000, 35_000, 5_000), (t.Taxable, t.TaxableBasis, t.TaxDeferred, t.TaxFree, t.Hsa));
        Assert.Equal(45, t.OwnerAge);            // the plan's first person
        Assert.Equal(2026 - 45, t.OwnerBirthYear);
        Assert.Equal(new RothConversion(ConversionKind.FillToBracket, 240, 300, 0, 0.12), t.Conversion);

        // Plan incomes are tagged for tax: salary and pension ordinary, Social Security by Pub. 915.
        Assert.Contains(input.CashFlows, f => f.Taxation == IncomeTaxation.SocialSecurity && f.Amount == 2_000);
        Assert.Contains(input.CashFlows, f => f.Taxation == IncomeTaxation.Ordinary && f.Amount == 750);
    }

    [Fact]
    public void Run_TaxedExample_ReportsTaxesByYearAndLifetime()
    {
        var input = ScenarioCompiler.Compile(ScenarioParser.Parse(Example("household-plan-taxes.json")).Ok() with { Paths = 500 }, null).Ok().Input;

        var result = MonteCarloSimulator.Run(input);

        Assert.Equal(50, result.Taxes!.Years.Count);
        Assert.True(result.Taxes.MeanLifetimeReal > 0);
        Assert.True(result.Taxes.Years[^1].MeanNominal > 0); // retirement years pay tax on withdrawals
    }

    [Fact]
    public void Compile_WithoutTaxes_LeavesTheEngineUntaxed()
    {
        var input = ScenarioCompiler.Compile(ScenarioParser.Parse(Example("household-plan.json")).Ok(), null).Ok().Input;

        Assert.Null(input.Taxes);
    }

    [Theory]
    [InlineData("\"taxDeferred\": 150000", "\"taxDeferred\": 150001, \"x\": 0", "taxes.accounts.x", "unknown field")]
    [InlineData("\"filingStatus\": \"marriedFilingJointly\"", "\"filingStatus\": \"headOfHousehold\"", "taxes.filingStatus", "")]
    [InlineData("\"fillBracketRate\": 0.12", "\"fillBracketRate\": 0.13", "taxes.fillBracketRate", "table's ordinary rates")]
    [InlineData("\"withdrawalOrder\": \"fillBracket\",", "\"year\": 2019,", "taxes.year", "2019")]
    [InlineData("\"endMonth\": 300", "\"endMonth\": 700", "taxes.rothConversion.endMonth", "[startMonth, 599]")]
    public void Parse_BadTaxes_NamesTheField(string find, string replace, string field, string messagePart)
    {
        var json = Example("household-plan-taxes.json");
        Assert.Contains(find, json, StringComparison.Ordinal);

        var problem = ScenarioParser.Parse(json.Replace(find, replace, StringComparison.Ordinal)).Problem!;

        Assert.Equal((ProblemKind.Invalid, field), (problem.Kind, problem.Field));
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AccountsNotAddingUpToStartBalance_NamesTaxesAccounts()
    {
        var json = Example("household-plan-taxes.json").Replace("\"horizonMonths\"", "\"startBalance\": 100000, \"horizonMonths\"", StringComparison.Ordinal);

        Assert.Equal("taxes.accounts", ScenarioParser.Parse(json).Problem!.Field);
    }

    [Fact]
    public void Parse_TaxAsOnAWithdrawal_IsRejected()
    {
        var json = Example("benchmark-retirement.json").Replace("\"inflationIndexed\": true", "\"inflationIndexed\": true, \"taxAs\": \"ordinary\"", StringComparison.Ordinal)
            .Replace("\"horizonMonths\"", "\"taxes\": {\"ownerAge\": 40, \"accounts\": {\"taxable\": 100000}}, \"horizonMonths\"", StringComparison.Ordinal);

        Assert.Equal("cashFlows[1].taxAs", ScenarioParser.Parse(json).Problem!.Field);
    }
}
