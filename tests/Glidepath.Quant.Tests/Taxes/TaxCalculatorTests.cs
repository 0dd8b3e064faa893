using Glidepath.Quant.Taxes;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Taxes;

/// <summary>Hand-worked cases on the 2026 tables (Rev. Proc. 2025-32); the arithmetic is in each comment.</summary>
public class TaxCalculatorTests
{
    private static readonly FilingSchedule Single = TaxTables.Federal2026.Single;
    private static readonly FilingSchedule Joint = TaxTables.Federal2026.MarriedFilingJointly;

    [Fact]
    public void Compute_SingleOrdinaryOnly_UsesStandardDeductionAndThreeBrackets()
    {
        // 80,000 - 16,100 = 63,900 taxable. 12,400 x 10 % = 1,240; (50,400 - 12,400) x 12 % = 4,560;
        // (63,900 - 50,400) x 22 % = 2,970. Total 8,770.
        var tax = TaxCalculator.Compute(new YearIncome(Ordinary: 80_000), Single, FilingStatus.Single);

        Tolerance.Close(63_900, tax.TaxableIncome);
        Tolerance.Close(8_770, tax.FederalTax, abs: 1e-9);
        Assert.Equal(0, tax.StateTax);
    }

    [Fact]
    public void Compute_JointGainsCrossingZeroPercentBand_TaxesOnlyThePartAbove98900At15Percent()
    {
        // AGI 100,000 + 40,000 = 140,000; taxable 140,000 - 32,200 = 107,800; ordinary part (line 5)
        // 67,800. 0 % band ends at 98,900: line 9 = 98,900 - 67,800 = 31,100 of the gain at 0 %,
        // the other 40,000 - 31,100 = 8,900 at 15 % = 1,335. Ordinary tax on 67,800:
        // 24,800 x 10 % = 2,480 + 43,000 x 12 % = 5,160 -> 7,640. Line 23 = 8,975 < line 24
        // (all ordinary: 2,480 + 76,000 x 12 % + 7,000 x 22 % = 13,140). Tax 8,975.
        var tax = TaxCalculator.Compute(new YearIncome(Ordinary: 100_000, CapitalGains: 40_000), Joint, FilingStatus.MarriedFilingJointly);

        Tolerance.Close(107_800, tax.TaxableIncome);
        Tolerance.Close(40_000, tax.PreferentialIncome);
        Tolerance.Close(8_975, tax.FederalTax, abs: 1e-9);
    }

    [Fact]
    public void Compute_SingleLargeGain_ReachesThe20PercentBand()
    {
        // Taxable 600,000 - 16,100 = 583,900, all gain. 0 %: 49,450; 15 %: 545,500 - 49,450 =
        // 496,050 -> 74,407.50; 20 %: 583,900 - 545,500 = 38,400 -> 7,680. Total 82,087.50.
        var tax = TaxCalculator.Compute(new YearIncome(Ordinary: 0, CapitalGains: 600_000), Single, FilingStatus.Single);

        Tolerance.Close(82_087.5, tax.FederalTax, abs: 1e-9);
    }

    [Fact]
    public void Compute_QualifiedDividendsInsideZeroBand_AreNotTaxed()
    {
        // Ordinary 30,000 + dividends 10,000 = 40,000; taxable 23,900, ordinary part 13,900 (tax
        // 1,240 + 1,500 x 12 % = 1,420); the 10,000 of dividends sit below 49,450: 0.
        var tax = TaxCalculator.Compute(new YearIncome(Ordinary: 30_000, QualifiedDividends: 10_000), Single, FilingStatus.Single);

        Tolerance.Close(1_420, tax.FederalTax, abs: 1e-9);
    }

    [Fact]
    public void Compute_SocialSecurityInFiftyPercentRange_TaxesHalfTheExcessOverBase()
    {
        // Pub. 915 Worksheet 1, single: line 1 = 20,000, line 2 = 10,000, line 3 = 20,000,
        // line 8 = 30,000, line 10 = 30,000 - 25,000 = 5,000, line 11 = 9,000, line 12 = 0,
        // line 14 = 2,500, line 15 = min(10,000, 2,500) = 2,500, line 17 = 2,500, line 18 = 17,000:
        // 2,500 taxable. AGI 22,500; taxable income 6,400; tax 640.
        var tax = TaxCalculator.Compute(new YearIncome(Ordinary: 20_000, SocialSecurity: 20_000), Single, FilingStatus.Single);

        Tolerance.Close(2_500, tax.TaxableSocialSecurity, abs: 1e-9);
        Tolerance.Close(22_500, tax.AdjustedGrossIncome, abs: 1e-9);
        Tolerance.Close(640, tax.FederalTax, abs: 1e-9);
    }

    [Fact]
    public void Compute_SocialSecurityInEightyFivePercentRange_WithStateTax()
    {
        // Joint: line 1 = 40,000, line 2 = 20,000, line 3 = 50,000, line 8 = 70,000,
        // line 10 = 70,000 - 32,000 = 38,000, line 11 = 12,000, line 12 = 26,000, line 14 = 6,000,
        // line 15 = 6,000, line 16 = 26,000 x 85 % = 22,100, line 17 = 28,100, line 18 = 34,000:
        // 28,100 taxable. AGI 78,100; taxable 78,100 - 32,200 = 45,900; tax 2,480 + 21,100 x 12 %
        // = 2,532 -> 5,012. State 5 % of 45,900 = 2,295.
        var tax = TaxCalculator.Compute(new YearIncome(Ordinary: 50_000, SocialSecurity: 40_000), Joint, FilingStatus.MarriedFilingJointly, stateRate: 0.05);

        Tolerance.Close(28_100, tax.TaxableSocialSecurity, abs: 1e-9);
        Tolerance.Close(5_012, tax.FederalTax, abs: 1e-9);
        Tolerance.Close(2_295, tax.StateTax, abs: 1e-9);
        Tolerance.Close(7_307, tax.Total, abs: 1e-9);
    }

    [Fact]
    public void TaxableSocialSecurity_HighIncome_CappedAt85PercentOfBenefits()
    {
        // Single, benefits 30,000, other income 100,000: line 10 = 115,000 - 25,000 = 90,000,
        // line 17 = 4,500 + 81,000 x 85 % = 73,350 > line 18 = 25,500: 25,500.
        Tolerance.Close(25_500, SocialSecurityTaxation.Taxable(30_000, 100_000, FilingStatus.Single), abs: 1e-9);
        Assert.Equal(0, SocialSecurityTaxation.Taxable(30_000, 9_999, FilingStatus.Single)); // 15,000 + 9,999 < 25,000
    }

    [Fact]
    public void OrdinaryTax_TopBracket_MatchesRateScheduleBaseAmount()
    {
        // Single: tax at 640,600 is 1,240 + 4,560 + 55,300 x 22 % (12,166) + 96,075 x 24 % (23,058)
        // + 54,450 x 32 % (17,424) + 384,375 x 35 % (134,531.25) = 192,979.25; 1,000 more at 37 %.
        Tolerance.Close(192_979.25 + 370, TaxCalculator.OrdinaryTax(641_600, Single.Ordinary), abs: 1e-6);
    }

    [Fact]
    public void Indexed_ScalesThresholdsAndDeductionNotRates()
    {
        var later = Joint.Indexed(1.1);

        Tolerance.Close(35_420, later.StandardDeduction, abs: 1e-9);
        Tolerance.Close(27_280, later.Ordinary[1].Over, abs: 1e-9);
        Tolerance.Close(108_790, later.CapitalGains[1].Over, abs: 1e-9);
        Assert.Equal(0.12, later.Ordinary[1].Rate);
        Tolerance.Close(100_800, Joint.BracketTop(0.12));
    }

    [Fact]
    public void Rmd_FromUniformLifetimeTable_IsBalanceOverDivisor()
    {
        // Born 1951, reaches 75 this year: 500,000 / 24.6 = 20,325.203...; born 1960 starts at 75.
        Tolerance.Close(500_000 / 24.6, RequiredDistributions.Amount(500_000, 75, 1951));
        Tolerance.Close(26.5, RequiredDistributions.DistributionPeriod(73));
        Assert.Equal(0, RequiredDistributions.Amount(500_000, 74, 1960));
        Tolerance.Close(500_000 / 24.6, RequiredDistributions.Amount(500_000, 75, 1960));
        Assert.Equal(73, RequiredDistributions.StartAge(1959));
        Tolerance.Close(2.0, RequiredDistributions.DistributionPeriod(125));
    }
}
