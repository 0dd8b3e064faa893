using System.Globalization;

namespace Glidepath.Benchmarks.Import;

/// <summary>How the synthetic file prices its trades.</summary>
public enum SyntheticPrices
{
    /// <summary>Every trade at an independent uniform price in [10, 300] (the original file).</summary>
    Uniform,

    /// <summary>Each symbol's price follows its own daily random walk (1.5 % daily moves), as market prices do.</summary>
    RandomWalk,
}

/// <summary>
/// Writes a synthetic, seeded transaction file in the generic layout: deposits, buys, sells of at
/// most what is held, and dividends over 40 made-up symbols, dates ascending. Not market data;
/// it only has to be a valid, realistic-sized history. Same seed, same bytes.
/// With <see cref="SyntheticPrices.Uniform"/> prices, half of all sales are losses of about a third
/// of the price and every symbol is bought again within days, so under the wash-sale rule the
/// deferred losses pile up in replacement lots whose basis soon exceeds any price the file can
/// reach: one unbroken wash-sale chain per symbol, whose lots and gains grow with the square of
/// the file (bench/README.md, session 3).
/// </summary>
public static class SyntheticTransactionCsv
{
    public const string Header = "Date,SettlementDate,Type,Symbol,Quantity,Price,Fees,Amount,Currency,FxRate,Memo,ExternalId";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static void Write(TextWriter writer, int rows, int seed, SyntheticPrices prices = SyntheticPrices.Uniform)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        var walk = new Random(seed + 1);   // a second stream, so the uniform file's bytes are unchanged
        var symbols = Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"SYN{i:D2}")).ToArray();
        var held = new decimal[symbols.Length];
        var level = symbols.Select(_ => 10d + (walk.NextDouble() * 290d)).ToArray();
        var date = new DateOnly(2010, 1, 4);
        writer.WriteLine(Header);
        for (var row = 0; row < rows; row++)
        {
            if (row % 30 == 0)
            {
                date = date.AddDays(1);
                for (var s = 0; s < level.Length; s++)
                {
                    // Log-normal daily step (Box-Muller), 1.5 % standard deviation, no drift.
                    var z = Math.Sqrt(-2d * Math.Log(1d - walk.NextDouble())) * Math.Cos(2d * Math.PI * walk.NextDouble());
                    level[s] = Math.Clamp(level[s] * Math.Exp(0.015 * z), 1d, 10_000d);
                }
            }

            var i = random.Next(symbols.Length);
            var uniform = Math.Round(10m + ((decimal)random.NextDouble() * 290m), 2);
            var price = prices == SyntheticPrices.Uniform ? uniform : Math.Round((decimal)level[i], 2);
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
