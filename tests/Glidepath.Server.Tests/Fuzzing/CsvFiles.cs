using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Glidepath.Server.Tests.Fuzzing;

/// <summary>
/// The importers' seed corpus (real files of every layout in docs/import.md and docs/statements.md, from the repository's
/// test fixtures and, where present, the shared samples folder) and FsCheck mutations of it: cells
/// replaced by nasty values, lines dropped, repeated, swapped or cut, quoting broken, bytes inserted.
/// </summary>
public static class CsvFiles
{
    /// <summary>The generic layout's example from docs/import.md, every column filled somewhere.</summary>
    public const string Generic = """
        Date,SettlementDate,Type,Symbol,Quantity,Price,Fees,Amount,Currency,FxRate,SplitNumerator,SplitDenominator,Memo,ExternalId
        2024-01-02,2024-01-02,Deposit,,,,,10000,USD,1,,,Opening deposit,
        2024-01-03,2024-01-05,Buy,VTI,10,235.50,1.00,,USD,1,,,,B-1001
        2024-01-04,2024-01-08,Buy,MSFT,2,236,0,,USD,1,,,Microsoft,
        2024-03-15,,Dividend,VTI,,,,12.34,,,,,Q1 dividend,
        2024-04-01,,Split,VTI,,,,,,,2,1,,
        2024-05-01,,Interest,,,,,3.21,,,,,,
        2024-05-02,,Fee,,,,,1.50,,,,,,
        2024-06-03,2024-06-05,Sell,VTI,5,250,1.00,,USD,1,,,,B-1002
        2024-06-04,,DividendReinvested,VTI,0.1,251,,25.10,,,,,,
        2024-07-01,,Withdrawal,,,,,100,,,,,,
        """;

    public static readonly string[] NastyCells =
    [
        "", " ", "-1", "0", "1e308", "1E+400", "-1e308", "NaN", "Infinity", "abc", "$1,000,000,000,000,000,000,000,000,000,000.00", "99999999999999999999999999999",
        "79228162514264337593543950335", "0.0000000000000000000000000001", "0001-01-01", "9999-12-31", "2000-02-30", "1899-12-31", "2200-01-01", "13/45/2024",
        "01/02/2024 as of 12/31/9999", "\"unterminated", "a\"b", "=cmd|' /C calc'!A0", "Buy", "Sell", "Split", "Transfer", "Deposit", "null", "-$0.00", "$-",
        "1,000", "ÄÖÜ", "\u0000", new string('x', 5000), "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "USD", "XXX", "1/0", "--1", "+1", ".", "1.2.3",
    ];

    /// <summary>Transaction files (generic and Schwab) and price files (daily and wide), each cut to its first rows.</summary>
    public static (IReadOnlyList<string> Transactions, IReadOnlyList<string> Prices) Corpus()
    {
        var root = RepositoryRoot();
        var fixtures = Path.Combine(root, "tests", "Glidepath.Infrastructure.Tests", "Import", "Data");
        var transactions = new List<string> { Generic, Head(Path.Combine(fixtures, "schwab_transactions.csv"), 40) };

        // Statements (docs/statements.md): OFX 1.x SGML (one line and many), OFX 2.x XML bank and investment, QFX, QIF bank with splits and investment.
        var statements = Path.Combine(fixtures, "Statements");
        transactions.AddRange(new[]
        {
            "ofxparse_bank_medium.ofx", "ofxparse_fidelity-brokerage.ofx", "ofxtools_br_nubank_cc.ofx", "ofxtools_invstmtrs.ofx",
            "handmade_bank_overlap.ofx", "gnucash_cbb-export.qif", "handmade_invst.qif", "handmade_bank.qif",
        }.Select(f => Head(Path.Combine(statements, f), 200)));
        var prices = new List<string>
        {
            Head(Path.Combine(fixtures, "msft_daily_ohlcv.csv"), 40),
            Head(Path.Combine(fixtures, "sp500_constituents_daily_prices_2001h2.csv"), 8, columns: 12),
            Head(Path.Combine(root, "examples", "data", "dowjones30_daily_prices.csv"), 30, columns: 8),
        };

        // The shared samples (not in the repository) when this machine has them: Stooq and FRED downloads.
        var samples = Environment.GetEnvironmentVariable("GLIDEPATH_SAMPLES") ?? "/work/shared/samples";
        if (Directory.Exists(Path.Combine(samples, "marketdata")))
        {
            prices.AddRange(Directory.GetFiles(Path.Combine(samples, "marketdata"), "*.csv").Order(StringComparer.Ordinal).Select(f => Head(f, 40)));
        }

        return (transactions, prices);
    }

    /// <summary>One of <paramref name="corpus"/>, mutated one to four times (sometimes not at all).</summary>
    public static Gen<string> Mutated(IReadOnlyList<string> corpus) =>
        from file in Gen.Elements(corpus.ToArray())
        from times in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 2)), (2, Gen.Choose(3, 4)))
        from mutated in Apply(file, times)
        select mutated;

    private static Gen<string> Apply(string file, int times) =>
        times == 0 ? Gen.Constant(file) : Mutation(file).SelectMany(next => Apply(next, times - 1));

    private static Gen<string> Mutation(string file)
    {
        var lines = file.Split('\n');
        return Gen.Frequency(
            (8, from line in Gen.Choose(0, lines.Length - 1)
                from cell in Gen.Choose(0, 14)
                from value in Gen.Elements(NastyCells)
                select Join(lines, line, ReplaceCell(lines[line], cell, value))),
            (2, from line in Gen.Choose(0, lines.Length - 1) select Join(lines.Where((_, i) => i != line))),
            (2, from line in Gen.Choose(0, lines.Length - 1) from times in Gen.Choose(2, 50) select Join(lines.Take(line + 1).Concat(Enumerable.Repeat(lines[line], times)).Concat(lines.Skip(line + 1)))),
            (1, from a in Gen.Choose(0, lines.Length - 1) from b in Gen.Choose(0, lines.Length - 1) select Join(lines.Select((l, i) => i == a ? lines[b] : i == b ? lines[a] : l))),
            (1, from at in Gen.Choose(0, file.Length) select file[..at]),
            (1, from at in Gen.Choose(0, file.Length) from text in Gen.Elements("\"", "\0", "\r", ",,,,,,", "\uFEFF", "\n\n\n", "\u00e9\u00ff", ";") select file[..at] + text + file[at..]),
            (1, Gen.Elements("", "\n", "\uFEFF", "Date", "Date,Type\n", lines[0], lines[0] + "\n" + lines[0], file.Replace(',', ';'), file + "," + new string(',', 3000))),
            (1, from column in Gen.Choose(1, 3000) select Join(lines.Select(l => l + "," + column.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }

    private static string ReplaceCell(string line, int cell, string value)
    {
        var cells = line.Split(',');
        cells[cell % cells.Length] = value.Contains(',', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        return string.Join(',', cells);
    }

    private static string Join(string[] lines, int at, string replacement) => Join(lines.Select((l, i) => i == at ? replacement : l));

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    private static string Head(string path, int lines, int? columns = null)
    {
        var head = File.ReadLines(path).Take(lines);
        return string.Join('\n', columns is { } c ? head.Select(l => string.Join(',', l.Split(',').Take(c))) : head) + "\n";
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Glidepath.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Glidepath.slnx not found above " + AppContext.BaseDirectory);
    }

    public static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv);
}
