namespace Glidepath.Quant.Taxes;

/// <summary>One filing status's federal schedule for one tax year, in that year's dollars.</summary>
/// <param name="Ordinary">Tax Rate Schedule brackets, ascending, the first over 0.</param>
/// <param name="CapitalGains">Qualified dividends and long-term gains: 0 % over 0, 15 % and 20 % over their thresholds.</param>
public sealed record FilingSchedule(IReadOnlyList<TaxBracket> Ordinary, IReadOnlyList<TaxBracket> CapitalGains, double StandardDeduction)
{
    /// <summary>Every threshold and the deduction times <paramref name="factor"/> (inflation indexing); rates unchanged.</summary>
    public FilingSchedule Indexed(double factor) => factor == 1 ? this : new(
        [.. Ordinary.Select(b => b with { Over = b.Over * factor })],
        [.. CapitalGains.Select(b => b with { Over = b.Over * factor })],
        StandardDeduction * factor);

    /// <summary>Upper end of the ordinary bracket taxed at <paramref name="rate"/> (+infinity for the top one).</summary>
    public double BracketTop(double rate)
    {
        for (var i = 0; i < Ordinary.Count; i++)
        {
            if (Math.Abs(Ordinary[i].Rate - rate) < 1e-9)
            {
                return i + 1 < Ordinary.Count ? Ordinary[i + 1].Over : double.PositiveInfinity;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rate), rate, "not a rate of this schedule");
    }
}

/// <summary>
/// A year's federal tables with where they come from (data: <see cref="TaxTables"/>). Social
/// Security thresholds and RMD divisors are statutory and not part of the yearly adjustment.
/// </summary>
public sealed record FederalTaxTable(int Year, string Source, FilingSchedule Single, FilingSchedule MarriedFilingJointly)
{
    public FilingSchedule For(FilingStatus status) => status == FilingStatus.Single ? Single : MarriedFilingJointly;
}
