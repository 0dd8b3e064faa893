namespace Glidepath.Quant.Taxes;

/// <summary>
/// Required minimum distributions from tax-deferred accounts: the owner's account balance at the
/// end of the previous year divided by the Uniform Lifetime Table's distribution period for the age
/// the owner reaches this year.
/// </summary>
public static class RequiredDistributions
{
    /// <summary>
    /// IRS Publication 590-B, Appendix B, Table III (Uniform Lifetime Table), for distribution years
    /// 2022 and later (26 CFR 1.401(a)(9)-9(c)); https://www.irs.gov/publications/p590b. Ages 72 to
    /// 120 (120 and older: 2.0). Checked against the table reproduced at
    /// https://financialducksinarow.com/an-ira-owners-manual/irs-uniform-life-table-2022.
    /// </summary>
    private static readonly double[] UniformLifetime =
    [
        27.4, 26.5, 25.5, 24.6, 23.7, 22.9, 22.0, 21.1, 20.2, 19.4, // 72-81
        18.5, 17.7, 16.8, 16.0, 15.2, 14.4, 13.7, 12.9, 12.2, 11.5, // 82-91
        10.8, 10.1, 9.5, 8.9, 8.4, 7.8, 7.3, 6.8, 6.4, 6.0,         // 92-101
        5.6, 5.2, 4.9, 4.6, 4.3, 4.1, 3.9, 3.7, 3.5, 3.4,           // 102-111
        3.3, 3.1, 3.0, 2.9, 2.8, 2.7, 2.5, 2.3, 2.0,                // 112-120
    ];

    public const int FirstTableAge = 72;

    public const string Source = "IRS Publication 590-B, Appendix B, Table III (Uniform Lifetime Table, 2022 and later); SECURE 2.0 Act of 2022 section 107 (applicable age)";

    /// <summary>Distribution period for an owner who reaches <paramref name="age"/> in the distribution year.</summary>
    public static double DistributionPeriod(int age)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(age, FirstTableAge);
        return UniformLifetime[Math.Min(age - FirstTableAge, UniformLifetime.Length - 1)];
    }

    /// <summary>
    /// Age at which RMDs start (the "applicable age", IRC 401(a)(9)(C)(v) as amended by SECURE 2.0
    /// section 107): 73 for those born 1951-1959, 75 for those born 1960 or later. Earlier birth
    /// years were already under the older rules (70½ or 72) and are treated as 72 here, the first
    /// age of the table.
    /// </summary>
    public static int StartAge(int birthYear) => birthYear >= 1960 ? 75 : birthYear >= 1951 ? 73 : 72;

    /// <summary>The year's RMD: <paramref name="priorYearEndBalance"/> / distribution period, 0 before the start age.</summary>
    public static double Amount(double priorYearEndBalance, int ageThisYear, int birthYear) =>
        ageThisYear < StartAge(birthYear) || priorYearEndBalance <= 0 ? 0 : priorYearEndBalance / DistributionPeriod(ageThisYear);
}
