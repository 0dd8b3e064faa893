using System.Globalization;

namespace Glidepath.Benchmarks.Import;

/// <summary>
/// A SYNTHETIC bank statement, generated, seeded, no real data: OFX 1.02 SGML (the common bank export shape), one
/// checking account in USD, <c>rows</c> transactions spread evenly over ten years from 2015-01-02, each with its own
/// FITID. Payees come from a short invented list; amounts are random cents: a salary deposit on the first row of
/// each month-sized block, otherwise purchases of 1.00 to 250.00 and a few refunds. Used by
/// <c>statement-once</c> (bench/README.md, "Statement import").
/// </summary>
public static class SyntheticStatementOfx
{
    private static readonly string[] Payees =
    [
        "CORNER GROCER #12", "CITY TRANSIT", "NORTHWIND ENERGY", "CONTOSO PHARMACY", "FABRIKAM CAFE", "ADVENTURE WORKS OUTDOOR",
        "TAILSPIN AIR", "WOODGROVE RENT", "LITWARE BOOKS", "PROSEWARE STREAMING", "MARGIE'S TRAVEL", "WINGTIP TOYS",
    ];

    public static void Write(TextWriter writer, int rows, int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2015, 1, 2);
        var days = new DateOnly(2025, 1, 1).DayNumber - start.DayNumber;
        var invariant = CultureInfo.InvariantCulture;
        writer.Write("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n");
        writer.Write("<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20250101120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n");
        writer.Write("<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n<STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>000000000<ACCTID>SYNTHETIC<ACCTTYPE>CHECKING</BANKACCTFROM>\n");
        writer.Write("<BANKTRANLIST><DTSTART>20150102<DTEND>20250101\n");
        var perMonth = Math.Max(1, rows / 120);
        for (var i = 0; i < rows; i++)
        {
            var date = start.AddDays((int)((long)i * days / rows));
            decimal amount;
            string type, payee;
            if (i % perMonth == 0)
            {
                (amount, type, payee) = (4000m + random.Next(0, 100_000) / 100m, "DIRECTDEP", "SYNTHETIC PAYROLL");
            }
            else if (random.Next(20) == 0)
            {
                (amount, type, payee) = (random.Next(100, 5_000) / 100m, "CREDIT", "REFUND " + Payees[random.Next(Payees.Length)]);
            }
            else
            {
                (amount, type, payee) = (-random.Next(100, 25_000) / 100m, "POS", Payees[random.Next(Payees.Length)]);
            }

            writer.Write(string.Create(invariant,
                $"<STMTTRN><TRNTYPE>{type}<DTPOSTED>{date:yyyyMMdd}120000.000[-5:EST]<TRNAMT>{amount:0.00}<FITID>SYN{i:D8}<NAME>{payee}<MEMO>Synthetic row {i + 1}</STMTTRN>\n"));
        }

        writer.Write("</BANKTRANLIST><LEDGERBAL><BALAMT>0.00<DTASOF>20250101</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n");
    }
}
