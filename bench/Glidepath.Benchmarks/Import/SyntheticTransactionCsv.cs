using System.Globalization;

namespace Glidepath.Benchmarks.Import;

/// <summary>
/// Writes a synthetic, seeded transaction file in the generic layout: deposits, buys, sells of at
/// most what is held, and dividends over 40 made-up symbols, dates ascending. Not market data;
/// it only has to be a valid, realistic-sized history. Same seed, same bytes.
/// </summary>
public static class SyntheticTransactionCsv
{
    public const string Header = "Date,SettlementDate,Type,Symbol,Quantity,Price,Fees,Amount,Currency,FxRate,Memo,ExternalId";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static void Write(TextWriter writer, int rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        var symbols = Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"SYN{i:D2}")).ToArray();
        var held = new decimal[symbols.Length];
        var date = new DateOnly(2010, 1, 4);
        writer.WriteLine(Header);
        for (var row = 0; row < rows; row++)
        {
            if (row % 30 == 0)
            {
                date = date.AddDays(1);
            }

            var i = random.Next(symbols.Length);
            var price = Math.Round(10m + ((decimal)random.NextDouble() * 290m), 2);
            var d = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var settle = date.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var pick = random.Next(10);
            string line;
            if (row % 50 == 0)
            {
                line = Invariant($"{d},{d},Deposit,,,,,60000,USD,1,Payroll,");
            }
            else if (pick < 6 || held[i] < 1m)
            {
                var quantity = Math.Round(1m + ((decimal)random.NextDouble() * 20m), 3);
                held[i] += quantity;
                line = Invariant($"{d},{settle},Buy,{symbols[i]},{quantity},{price},0.35,,USD,1,,B{row}");
            }
            else if (pick < 9)
            {
                var quantity = Math.Round(held[i] * (decimal)random.NextDouble() / 2m, 3);
                held[i] -= quantity;
                line = quantity > 0m
                    ? Invariant($"{d},{settle},Sell,{symbols[i]},{quantity},{price},0.35,,USD,1,,B{row}")
                    : Invariant($"{d},{d},Interest,,,,,0.12,USD,1,,");
            }
            else
            {
                line = Invariant($"{d},{d},Dividend,{symbols[i]},,,,{Math.Round(held[i] * 0.05m, 2) + 0.01m},USD,1,Quarterly dividend,");
            }

            writer.WriteLine(line);
        }
    }
}
