namespace Glidepath.Quant.Taxes;

/// <summary>One year's income, in that year's dollars.</summary>
/// <param name="Ordinary">Taxed at ordinary rates: wages, pensions, tax-deferred withdrawals, RMDs, Roth conversions.</param>
/// <param name="CapitalGains">Net long-term capital gains (a net loss counts as 0: no loss deduction or carryover is modelled).</param>
/// <param name="QualifiedDividends">Qualified dividends (taxed like long-term gains).</param>
/// <param name="SocialSecurity">Social Security benefits received (Pub. 915 line 1).</param>
public readonly record struct YearIncome(double Ordinary, double CapitalGains = 0, double QualifiedDividends = 0, double SocialSecurity = 0);

/// <summary>What <see cref="TaxCalculator.Compute"/> found, each step's amount.</summary>
public readonly record struct TaxBreakdown(
    double TaxableSocialSecurity,
    double AdjustedGrossIncome,
    double TaxableIncome,
    double PreferentialIncome,
    double FederalTax,
    double StateTax)
{
    public double Total => FederalTax + StateTax;
}

/// <summary>
/// A year's federal and state income tax on a mix of income (docs/monte-carlo.md, "Taxes"): taxable
/// Social Security by Pub. 915 Worksheet 1, the standard deduction, ordinary income by the Tax Rate
/// Schedule, and qualified dividends and long-term gains stacked on top of ordinary income as the
/// Form 1040 "Qualified Dividends and Capital Gain Tax Worksheet" does. State tax is a flat rate on
/// federal taxable income. Pure: numbers in, numbers out.
/// </summary>
public static class TaxCalculator
{
    public static TaxBreakdown Compute(YearIncome income, FilingSchedule schedule, FilingStatus status, double stateRate = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var ordinary = Math.Max(income.Ordinary, 0);
        var gains = Math.Max(income.CapitalGains, 0);
        var dividends = Math.Max(income.QualifiedDividends, 0);
        var other = ordinary + gains + dividends;
        var taxableBenefits = SocialSecurityTaxation.Taxable(income.SocialSecurity, other, status);
        var agi = other + taxableBenefits;
        var taxable = Math.Max(agi - schedule.StandardDeduction, 0);
        var federal = QualifiedDividendsAndCapitalGainTax(taxable, dividends, gains, schedule);
        return new TaxBreakdown(taxableBenefits, agi, taxable, Math.Min(dividends + gains, taxable), federal, stateRate * taxable);
    }

    /// <summary>Tax Rate Schedule: each bracket's rate on the part of <paramref name="taxableIncome"/> inside it.</summary>
    public static double OrdinaryTax(double taxableIncome, IReadOnlyList<TaxBracket> brackets)
    {
        ArgumentNullException.ThrowIfNull(brackets);
        var tax = 0.0;
        for (var i = 0; i < brackets.Count && taxableIncome > brackets[i].Over; i++)
        {
            var top = i + 1 < brackets.Count ? Math.Min(taxableIncome, brackets[i + 1].Over) : taxableIncome;
            tax += (top - brackets[i].Over) * brackets[i].Rate;
        }

        return tax;
    }

    /// <summary>Form 1040 instructions, Qualified Dividends and Capital Gain Tax Worksheet, lines 1-25.</summary>
    public static double QualifiedDividendsAndCapitalGainTax(double taxableIncome, double qualifiedDividends, double capitalGain, FilingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var line1 = taxableIncome;
        var line4 = qualifiedDividends + capitalGain;          // lines 2-4
        var line5 = Math.Max(line1 - line4, 0);                // ordinary part
        var line6 = schedule.CapitalGains[1].Over;             // top of the 0 % band
        var line7 = Math.Min(line1, line6);
        var line8 = Math.Min(line5, line7);
        var line9 = line7 - line8;                             // taxed at 0 %
        var line10 = Math.Min(line1, line4);
        var line12 = line10 - line9;                           // line 11 = line 9
        var line13 = schedule.CapitalGains[2].Over;            // top of the 15 % band
        var line14 = Math.Min(line1, line13);
        var line15 = line5 + line9;
        var line16 = Math.Max(line14 - line15, 0);
        var line17 = Math.Min(line12, line16);
        var line18 = line17 * schedule.CapitalGains[1].Rate;
        var line19 = line9 + line17;
        var line20 = line10 - line19;
        var line21 = line20 * schedule.CapitalGains[2].Rate;
        var line22 = OrdinaryTax(line5, schedule.Ordinary);
        var line23 = line18 + line21 + line22;
        var line24 = OrdinaryTax(line1, schedule.Ordinary);
        return Math.Min(line23, line24);                       // line 25
    }
}
