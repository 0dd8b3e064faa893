using Glidepath.Domain.Ledger;
using Glidepath.Domain.TaxLots;
using static Glidepath.Testing.Ledger.LedgerHistoryBuilder;

namespace Glidepath.Domain.Tests.TaxLots;

/// <summary>IRS Publication 550: count from the day after acquisition; long-term if held more than one year.</summary>
public class HoldingPeriodTest
{
    [Theory]
    [InlineData("2023-02-05", "2024-02-05", HoldingTerm.ShortTerm)] // Pub. 550's own example: the anniversary is not more than a year
    [InlineData("2023-02-05", "2024-02-06", HoldingTerm.LongTerm)]
    [InlineData("2023-03-15", "2023-03-15", HoldingTerm.ShortTerm)]
    [InlineData("2024-02-29", "2025-02-28", HoldingTerm.ShortTerm)] // bought on a leap day: anniversary is 28 Feb
    [InlineData("2024-02-29", "2025-03-01", HoldingTerm.LongTerm)]
    [InlineData("2023-02-28", "2024-02-29", HoldingTerm.ShortTerm)] // counting starts 1 Mar 2023: a year ends 29 Feb 2024
    [InlineData("2023-02-28", "2024-03-01", HoldingTerm.LongTerm)]
    [InlineData("2024-02-28", "2025-02-28", HoldingTerm.ShortTerm)] // counting starts 29 Feb 2024: a year ends 28 Feb 2025
    [InlineData("2024-02-28", "2025-03-01", HoldingTerm.LongTerm)]
    [InlineData("2023-12-31", "2024-12-31", HoldingTerm.ShortTerm)]
    [InlineData("2023-12-31", "2025-01-01", HoldingTerm.LongTerm)]
    public void Classify_AroundTheAnniversary_FollowsPublication550(string acquired, string disposed, HoldingTerm expected)
    {
        Assert.Equal(expected, HoldingPeriod.Classify(Day(acquired), Day(disposed)));
    }
}
