using Glidepath.Cli.Tests.Commands;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Imports;

/// <summary><c>glidepath import statement FILE --account ID [--dry-run] [--skip-row N] [--json]</c> on a QIF and an overlapping OFX (hand-made, docs/statements.md).</summary>
public sealed class StatementImportCommandTest
{
    private const string Qif = """
        !Type:Bank
        D1/15'24
        T-42.10
        PCorner Grocer
        LFood:Groceries
        ^
        D1/16'24
        T1,250.00
        PACME Payroll
        ^

        """;

    private const string Ofx = """
        OFXHEADER:100
        DATA:OFXSGML
        VERSION:102
        SECURITY:NONE
        ENCODING:USASCII
        CHARSET:1252
        COMPRESSION:NONE
        OLDFILEUID:NONE
        NEWFILEUID:NONE

        <OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD
        <BANKACCTFROM><BANKID>1<ACCTID>2<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST><DTSTART>20240101<DTEND>20240131
        <STMTTRN><TRNTYPE>POS<DTPOSTED>20240117<TRNAMT>-42.10<FITID>T-1001<NAME>CORNER GROCER #12</STMTTRN>
        <STMTTRN><TRNTYPE>INT<DTPOSTED>20240131<TRNAMT>0.57<FITID>T-1004<NAME>INTEREST PAID</STMTTRN>
        </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>

        """;

    [Fact]
    public async Task Statement_PreviewListsTheLookAlike_ImportRefusesUntilSkipped_ThenBooks_AndAMalformedFileIsOneLine()
    {
        await using var cli = await CliRun.StartAsync();
        var (_, account) = await cli.HouseholdAsync();
        var qif = await cli.RunAsync("import", "statement", cli.File("bank.qif", Qif), "--account", account.ToString());
        var ofx = cli.File("bank.ofx", Ofx);

        var preview = await cli.RunAsync("import", "statement", ofx, "--account", account.ToString(), "--dry-run");
        var refused = await cli.RunAsync("import", "statement", ofx, "--account", account.ToString());
        var json = await cli.RunAsync("import", "statement", ofx, "--account", account.ToString(), "--skip-row", "1", "--json");
        var malformed = await cli.RunAsync("import", "statement", cli.File("bad.ofx", Ofx.Replace("<TRNAMT>0.57", "<TRNAMT>0,5,7", StringComparison.Ordinal)), "--account", account.ToString(), "--keep-row", "1");

        Assert.Equal(0, qif.ExitCode);
        Assert.Contains("imported 2 (qif layout)", qif.Out, StringComparison.Ordinal);
        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("possible duplicate: row 1 2024-01-17 Withdrawal 42.10 'CORNER GROCER #12' looks like 2024-01-15 'Corner Grocer'", preview.Error, StringComparison.Ordinal);
        Assert.Contains("would book row 2: 2024-01-31 Interest  0.57 USD 'INTEREST PAID'", preview.Out, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("rejected (ofx), nothing imported: row 1, column TRNAMT", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"imported\": 1", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"duplicatesSkipped\": 1", json.Out, StringComparison.Ordinal);
        Assert.Equal(1, malformed.ExitCode);
        Assert.Equal("glidepath: bad.ofx rejected (ofx), nothing imported: row 2, column TRNAMT: '0,5,7' is not an OFX amount..", malformed.Error.Trim());
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(3, await db.Transactions.CountAsync(t => t.AccountId == account));
    }
}
