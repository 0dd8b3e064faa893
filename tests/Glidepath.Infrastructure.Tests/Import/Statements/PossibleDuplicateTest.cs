using Glidepath.Infrastructure.Import;
using Glidepath.Infrastructure.Import.Statements;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Statements;

/// <summary>
/// Fuzzy de-duplication (docs/statements.md): an OFX statement overlapping a QIF already imported (same amounts, dates one or
/// two days apart, payees written differently, no shared FITID) lists the look-alikes and books nothing until the user decides.
/// </summary>
public sealed class PossibleDuplicateTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task OverlappingStatement_ListsLookAlikes_RefusesUntilDecided_ThenSkipsAndKeepsAsTold(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await StatementSample.CreateAsync(database, "handmade_bank.qif");
        Assert.Equal(3, (await sample.ImportAsync()).Imported);

        // Grocer −42.10 on 01-15 vs 01-17 ("Corner Grocer" / "CORNER GROCER #12"); payroll +1250 on 01-16 both;
        // Home Store −100.00 on 01-20 vs 01-25: five days apart, not a look-alike; interest 0.57 is new.
        var preview = await sample.ImportAsync(new ImportOptions { DryRun = true }, "handmade_bank_overlap.ofx");
        Assert.False(preview.Rejected);
        Assert.Equal([1, 2], preview.PossibleDuplicates.Select(d => d.Row));
        Assert.Equal((new DateOnly(2024, 1, 17), new DateOnly(2024, 1, 15)), (preview.PossibleDuplicates[0].Date, preview.PossibleDuplicates[0].ExistingDate));

        var before = await database.SnapshotAsync();
        var refused = await sample.ImportAsync(otherFile: "handmade_bank_overlap.ofx");
        Assert.True(refused.Rejected);
        Assert.Equal([1, 2], refused.Errors.Select(e => e.Row));
        Assert.Contains("--skip-row 1", refused.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());

        // The grocer is the same purchase; the payroll is a second payment.
        var result = await sample.ImportAsync(new ImportOptions { SkipRows = new HashSet<int> { 1 }, KeepRows = new HashSet<int> { 2 } }, "handmade_bank_overlap.ofx");
        Assert.False(result.Rejected, string.Join("\n", result.Errors));
        Assert.Equal((3, 1), (result.Imported, result.DuplicatesSkipped));
        Assert.Equal(1107.90m + 1250m - 100m + 0.57m, await sample.CashAsync());
    }

    [Theory]
    [InlineData("AMZN Mktp US*2K3", "AMZN MKTP US*9Q1", true)]
    [InlineData("Corner Grocer", "CORNER GROCER #12", true)]
    [InlineData("ACME Payroll", "ACME PAYROLL PPD — Salary & bonus", true)]
    [InlineData("Rent", "Amazon", false)]
    [InlineData("AMZN Mktp US*2K3AB1", "Amazon.com*9Q1ZZ0 — Amzn.com/bill WA", true)]
    [InlineData("SQ *BLUE BOTTLE 0142", "Blue Bottle Coffee", true)]
    [InlineData("POS PURCHASE CORNER GROCER", "POS PURCHASE SHELL OIL 123", true)]
    [InlineData("", "", true)]
    [InlineData("Shell", "", false)]
    public void SimilarPayee_FirstWordOrHalfTheWords(string a, string b, bool similar) =>
        Assert.Equal(similar, DuplicateFinder.SimilarPayee(a, b));
}
