using Glidepath.Cli.Imports;

namespace Glidepath.Cli.Tests.Commands;

public sealed class ImportOutputTest
{
    [Fact]
    public void Summary_NamesAFewNewInstruments_AndCountsTheRest()
    {
        string[] few = ["VTI", "BND"];
        var many = Enumerable.Range(0, 2000).Select(i => $"BK{i:D4}").ToList();

        Assert.Equal(
            "a.csv: imported 2 (generic layout), 0 already present, 0 skipped; new instruments to review: VTI, BND.",
            new ImportOutput("a.csv", "generic", 2, 0, few, []).Summary);
        Assert.Equal(
            "b.csv: imported 2000 (generic layout), 0 already present, 0 skipped; new instruments to review: "
            + string.Join(", ", many.Take(20)) + " and 1980 more (--json lists them all).",
            new ImportOutput("b.csv", "generic", 2000, 0, many, []).Summary);
    }
}
