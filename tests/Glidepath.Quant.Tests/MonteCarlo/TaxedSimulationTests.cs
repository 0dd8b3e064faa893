using Glidepath.Quant.MonteCarlo;
using Glidepath.Quant.Taxes;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.MonteCarlo;

/// <summary>Taxes in the engine: one-path runs with zero returns worked by hand on the 2026 single table.</summary>
public class TaxedSimulationTests
{
    private static SimulationResult Run(TaxSettings taxes, int months, double monthlySpend, double startBalance)
    {
        var input = new SimulationInput
        {
            StartBalance = startBalance,
            HorizonMonths = months,
            Returns = Scenarios.OneAsset(0, 0),
            Allocation = new Allocation([1.0]),
            CashFlows = monthlySpend > 0 ? [new CashFlow(CashFlowKind.Withdrawal, monthlySpend, 0, months - 1)] : [],
            Paths = 1,
            Taxes = taxes,
        };
        return MonteCarloSimulator.Run(input);
    }

    private static TaxSettings Accounts(double taxable = 0, double basis = 0, double deferred = 0, double free = 0, double age = 60, int born = 1966) => new()
    {
        Table = TaxTables.Federal2026,
        Taxable = taxable,
        TaxableBasis = basis,
        TaxDeferred = deferred,
        TaxFree = free,
        OwnerAge = age,
        OwnerBirthYear = born,
    };

    [Fact]
    public void Run_AllTaxDeferred_TaxesEachYearsWithdrawalsAndPaysThemTheNextYear()
    {
        // Year 1: 60,000 withdrawn = ordinary income; 60,000 - 16,100 = 43,900 taxable ->
        // 1,240 + 31,500 x 12 % = 5,020, paid in month 12 from the deferred account (the only one),
        // so year 2's income is 60,000 + 5,020 = 65,020 -> 48,920 taxable -> 1,240 + 36,520 x 12 %
        // = 5,622.40, paid at the horizon. End: 200,000 - 120,000 - 5,020 - 5,622.40 = 69,357.60.
        var result = Run(Accounts(deferred: 200_000), 24, 5_000, 200_000);

        Tolerance.Close(5_020, result.Taxes!.Years[0].MeanNominal, abs: 1e-6);
        Tolerance.Close(5_622.4, result.Taxes.Years[1].MeanNominal, abs: 1e-6);
        Tolerance.Close(10_642.4, result.Taxes.MeanLifetimeReal, abs: 1e-6);
        Tolerance.Close(69_357.6, result.TerminalNominal.P50, rel: 1e-6);
        Assert.Equal(1, result.SuccessProbability);
    }

    [Fact]
    public void Run_AllTaxFree_PaysNoTax()
    {
        var result = Run(Accounts(free: 200_000), 24, 5_000, 200_000);

        Assert.All(result.Taxes!.Years, y => Assert.Equal(0, y.MeanNominal));
        Tolerance.Close(80_000, result.TerminalNominal.P50, rel: 1e-6);
    }

    [Fact]
    public void Run_TaxableAtHalfBasis_GainsInsideZeroPercentBandAreNotTaxed()
    {
        // 60,000 sold at basis/balance = 1/2: 30,000 long-term gain; 30,000 - 16,100 = 13,900 taxable,
        // all of it gain below the 0 % band's top (49,450): tax 0.
        var result = Run(Accounts(taxable: 200_000, basis: 100_000), 12, 5_000, 200_000);

        Assert.Equal(0, result.Taxes!.Years[0].MeanNominal);
        Tolerance.Close(140_000, result.TerminalNominal.P50, rel: 1e-6);
    }

    [Fact]
    public void Run_OwnerPastRmdAge_TakesTableRmdAsOrdinaryIncome()
    {
        // Born 1951, 74.5 at month 0: reaches 75 this year, divisor 24.6: 2,460,000 / 24.6 = 100,000
        // moved to the taxable account. 100,000 - 16,100 = 83,900 taxable -> 1,240 + 4,560 +
        // 33,500 x 22 % = 13,170. The total is unchanged but for that tax.
        var result = Run(Accounts(deferred: 2_460_000, age: 74.5, born: 1951), 12, 0, 2_460_000);

        Tolerance.Close(13_170, result.Taxes!.Years[0].MeanNominal, abs: 1e-6);
        Tolerance.Close(2_460_000 - 13_170, result.TerminalNominal.P50, rel: 1e-6);
    }

    [Fact]
    public void Run_OwnerBornIn1960_NoRmdBefore75()
    {
        var result = Run(Accounts(deferred: 2_460_000, age: 73.5, born: 1960), 12, 0, 2_460_000);

        Assert.Equal(0, result.Taxes!.Years[0].MeanNominal);
    }

    [Fact]
    public void Run_FixedRothConversion_IsOrdinaryIncomeWithTaxPaidFromTaxable()
    {
        // 50,000 converted at month 0: 33,900 taxable -> 1,240 + 21,500 x 12 % = 3,820, paid at the
        // horizon from the taxable account (basis = balance: no gain). Total 300,000 - 3,820.
        var taxes = Accounts(taxable: 100_000, basis: 100_000, deferred: 200_000) with
        {
            Conversion = new RothConversion(ConversionKind.FixedAmount, 0, 0, Amount: 50_000),
        };
        var result = Run(taxes, 12, 0, 300_000);

        Tolerance.Close(3_820, result.Taxes!.Years[0].MeanNominal, abs: 1e-6);
        Tolerance.Close(296_180, result.TerminalNominal.P50, rel: 1e-6);
    }

    [Fact]
    public void Run_ConversionFillingThe12PercentBracket_ConvertsUpToItsTopPlusDeduction()
    {
        // Top of 12 % (50,400) + deduction (16,100) = 66,500 converted; tax 1,240 + 4,560 = 5,800.
        var taxes = Accounts(taxable: 100_000, basis: 100_000, deferred: 200_000) with
        {
            Conversion = new RothConversion(ConversionKind.FillToBracket, 0, 0, BracketRate: 0.12),
        };
        var result = Run(taxes, 12, 0, 300_000);

        Tolerance.Close(5_800, result.Taxes!.Years[0].MeanNominal, abs: 1e-6);
    }

    [Fact]
    public void Run_FillBracketOrder_TakesDeferredUpToBracketThenTaxable()
    {
        // 2,500 a month. Fill the 10 % bracket: 12,400 + 16,100 = 28,500 from the deferred account
        // (months 0-10 in full, 1,000 of month 11), the other 1,500 from taxable at full basis.
        // Tax: 12,400 x 10 % = 1,240. Taxable first instead: all 30,000 from taxable, no gain, no tax.
        var fill = Accounts(taxable: 100_000, basis: 100_000, deferred: 100_000) with { Order = WithdrawalOrder.FillBracket, FillBracketRate = 0.10 };
        var first = Accounts(taxable: 100_000, basis: 100_000, deferred: 100_000);

        Tolerance.Close(1_240, Run(fill, 12, 2_500, 200_000).Taxes!.Years[0].MeanNominal, abs: 1e-6);
        Assert.Equal(0, Run(first, 12, 2_500, 200_000).Taxes!.Years[0].MeanNominal);
    }

    [Fact]
    public void Run_ProportionalOrder_SplitsWithdrawalsByBalance()
    {
        // Half deferred, half tax-free: 60,000 a year is 30,000 ordinary income -> 13,900 taxable
        // -> 1,240 + 1,500 x 12 % = 1,420.
        var taxes = Accounts(deferred: 100_000, free: 100_000) with { Order = WithdrawalOrder.Proportional };

        Tolerance.Close(1_420, Run(taxes, 12, 5_000, 200_000).Taxes!.Years[0].MeanNominal, abs: 1e-3);
    }

    [Fact]
    public void Run_SocialSecurityIncomeFlow_IsTaxedByPub915()
    {
        // 20,000 of benefits (contribution tagged SocialSecurity) and 20,000 from the deferred
        // account: Pub. 915 gives 2,500 taxable benefits, AGI 22,500, tax 640 (as in TaxCalculatorTests).
        var input = new SimulationInput
        {
            StartBalance = 100_000,
            HorizonMonths = 12,
            Returns = Scenarios.OneAsset(0, 0),
            Allocation = new Allocation([1.0]),
            CashFlows =
            [
                new CashFlow(CashFlowKind.Contribution, 20_000.0 / 12, 0, 11, Taxation: IncomeTaxation.SocialSecurity),
                new CashFlow(CashFlowKind.Withdrawal, 40_000.0 / 12, 0, 11),
            ],
            Paths = 1,
            Taxes = Accounts(deferred: 100_000),
        };

        Tolerance.Close(640, MonteCarloSimulator.Run(input).Taxes!.Years[0].MeanNominal, abs: 1e-3);
    }

    [Fact]
    public void Run_TaxFreeOnlyWithoutIncome_MatchesTheUntaxedEngine()
    {
        var plain = Scenarios.Benchmark(2_000, 11);
        var taxed = plain with { Taxes = Accounts(free: plain.StartBalance) with { ContributionAccount = AccountKind.TaxFree } };

        var a = MonteCarloSimulator.Run(plain);
        var b = MonteCarloSimulator.Run(taxed);

        Assert.Equal(a.SuccessProbability, b.SuccessProbability, 3);
        Tolerance.Close(a.TerminalNominal.P50, b.TerminalNominal.P50, rel: 1e-4);
        Assert.Null(a.Taxes);
    }

    [Theory]
    [InlineData(1UL, 0.25)]
    [InlineData(2UL, 0.5)]
    [InlineData(3UL, 1.0)]
    [InlineData(4UL, 0.1)]
    public void Run_MovingDeferredToTaxFreeAtEqualValue_NeverLowersSuccess(ulong seed, double share)
    {
        // A retiree with a volatile portfolio near the edge of failure; the same seed with part of
        // the tax-deferred money moved to the tax-free account, at equal value.
        static SimulationInput Input(ulong seed, double deferred, double free) => new()
        {
            StartBalance = 1_000_000,
            HorizonMonths = 360,
            Inflation = 0.025,
            Returns = Scenarios.OneAsset(0.05, 0.15),
            Allocation = new Allocation([1.0]),
            CashFlows =
            [
                new CashFlow(CashFlowKind.Withdrawal, 5_500, 0, 359, InflationIndexed: true),
                new CashFlow(CashFlowKind.Contribution, 2_000, 24, 359, InflationIndexed: true, Taxation: IncomeTaxation.SocialSecurity),
            ],
            Paths = 4_000,
            Seed = seed,
            Taxes = Accounts(taxable: 200_000, basis: 120_000, deferred: deferred, free: free, age: 65, born: 1961) with { StateRate = 0.05 },
        };

        var moved = 700_000 * share;
        var before = MonteCarloSimulator.Run(Input(seed, 700_000, 100_000));
        var after = MonteCarloSimulator.Run(Input(seed, 700_000 - moved, 100_000 + moved));

        Assert.InRange(before.SuccessProbability, 0.05, 0.98); // a case where taxes matter
        Assert.True(after.SuccessProbability >= before.SuccessProbability, $"{after.SuccessProbability} < {before.SuccessProbability}");
        Assert.True(after.Taxes!.MeanLifetimeReal < before.Taxes!.MeanLifetimeReal);
    }

    [Fact]
    public void Validate_AccountsNotAddingUpToStartBalance_NamesTaxesAccounts()
    {
        var input = Scenarios.Benchmark(32, 1) with { Taxes = Accounts(taxable: 1) };

        var e = Assert.Throws<InvalidInputException>(() => MonteCarloSimulator.Validate(input));
        Assert.Equal("taxes.accounts", e.Field);
    }
}
