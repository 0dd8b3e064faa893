namespace Glidepath.Quant.Taxes;

/// <summary>
/// How much of a year's Social Security benefits is taxable: IRS Publication 915, Worksheet 1
/// ("Figuring Your Taxable Benefits"), https://www.irs.gov/publications/p915. The base amounts
/// ($25,000 single, $32,000 married filing jointly) and the second thresholds ($34,000 and $44,000)
/// are fixed in the Internal Revenue Code (section 86) and are not indexed for inflation, so they
/// stay in nominal dollars in every run (checked against the Pub. 915 summaries at
/// factually.co "Publication 915 base amounts" and accountinginsights.org "How to fill out IRS
/// Pub 915 Worksheet 1").
/// </summary>
public static class SocialSecurityTaxation
{
    /// <summary>Worksheet 1 line 9: $25,000 single, $32,000 married filing jointly.</summary>
    public static double BaseAmount(FilingStatus status) => status == FilingStatus.Single ? 25_000 : 32_000;

    /// <summary>Worksheet 1 line 11: the second threshold less the base ($34,000 - $25,000, $44,000 - $32,000).</summary>
    public static double SecondTierWidth(FilingStatus status) => status == FilingStatus.Single ? 9_000 : 12_000;

    /// <summary>
    /// Worksheet 1, lines 1-19, with no tax-exempt interest, exclusions or adjustments (lines 4, 5, 7 = 0).
    /// </summary>
    /// <param name="benefits">Line 1: the year's benefits.</param>
    /// <param name="otherIncome">Line 3: every other income in AGI (ordinary income, qualified dividends, capital gains).</param>
    public static double Taxable(double benefits, double otherIncome, FilingStatus status)
    {
        if (benefits <= 0)
        {
            return 0;
        }

        var line2 = benefits * 0.5;
        var line8 = line2 + otherIncome;                      // lines 6 and 8
        var line10 = line8 - BaseAmount(status);
        if (line10 <= 0)
        {
            return 0;
        }

        var line11 = SecondTierWidth(status);
        var line12 = Math.Max(line10 - line11, 0);
        var line14 = Math.Min(line10, line11) * 0.5;          // lines 13 and 14
        var line17 = Math.Min(line2, line14) + (line12 * 0.85); // lines 15, 16 and 17
        return Math.Min(line17, benefits * 0.85);              // lines 18 and 19
    }
}
