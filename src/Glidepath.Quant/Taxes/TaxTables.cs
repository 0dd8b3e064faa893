namespace Glidepath.Quant.Taxes;

/// <summary>
/// Published US federal tax data. The IRS documents themselves could not be opened from where this
/// was written, so each number was checked against public copies of them named beside it (the
/// ordinary brackets and deductions in three, the capital-gain thresholds in one full copy and one
/// excerpt); nothing here is estimated. A new tax year is a new table with its own source.
/// </summary>
public static class TaxTables
{
    /// <summary>
    /// Tax year 2026: IRS Rev. Proc. 2025-32 (Internal Revenue Bulletin 2025-45), which carries the
    /// amendments of Public Law 119-21 (the "One Big Beautiful Bill Act"); IRS news release
    /// "IRS releases tax inflation adjustments for tax year 2026, including amendments from the One,
    /// Big, Beautiful Bill", https://www.irs.gov/newsroom/irs-releases-tax-inflation-adjustments-for-tax-year-2026-including-amendments-from-the-one-big-beautiful-bill
    /// (ordinary brackets and standard deduction as quoted by the release and in
    /// github.com/api-evangelist/planomy-tax-data examples/planomy-tax-data-2026.json, which cites
    /// it; capital-gain thresholds as reported from Rev. Proc. 2025-32 section 4.03 by Marca,
    /// 2025-10-14, "2026 capital gains brackets", and the news index excerpt of the IRS figures
    /// for single filers, $49,450).
    /// </summary>
    public static FederalTaxTable Federal2026 { get; } = new(
        2026,
        "IRS Rev. Proc. 2025-32 (tax year 2026, with P.L. 119-21); https://www.irs.gov/newsroom/irs-releases-tax-inflation-adjustments-for-tax-year-2026-including-amendments-from-the-one-big-beautiful-bill",
        Single: new FilingSchedule(
            [new(0, 0.10), new(12_400, 0.12), new(50_400, 0.22), new(105_700, 0.24), new(201_775, 0.32), new(256_225, 0.35), new(640_600, 0.37)],
            [new(0, 0.00), new(49_450, 0.15), new(545_500, 0.20)],
            StandardDeduction: 16_100),
        MarriedFilingJointly: new FilingSchedule(
            [new(0, 0.10), new(24_800, 0.12), new(100_800, 0.22), new(211_400, 0.24), new(403_550, 0.32), new(512_450, 0.35), new(768_700, 0.37)],
            [new(0, 0.00), new(98_900, 0.15), new(613_700, 0.20)],
            StandardDeduction: 32_200));

    /// <summary>The newest table; what a scenario gets unless it names a year.</summary>
    public static FederalTaxTable Latest => Federal2026;

    /// <summary>The federal table of <paramref name="year"/>, or null when none is shipped.</summary>
    public static FederalTaxTable? Federal(int year) => year == 2026 ? Federal2026 : null;
}
