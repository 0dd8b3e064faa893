using System.Globalization;

namespace Glidepath.Benchmarks.Import;

/// <summary>Which synthetic transaction file a benchmark imports or replays.</summary>
public enum SyntheticProfile
{
    /// <summary><see cref="SyntheticTransactionCsv"/>: 40 symbols each traded almost daily (a wash-sale stress case).</summary>
    Dense,

    /// <summary><see cref="SyntheticBookCsv"/>: a large book of 2,000 symbols, each traded every couple of months.</summary>
    Book,
}

/// <summary>
/// Writes a synthetic, seeded transaction file in the generic layout that looks like a large,
/// long-held book rather than a day trader's: 2,000 made-up symbols (BK0000-BK1999) whose prices
/// follow their own random walks (log-normal daily steps, 1.5 % standard deviation, +0.03 % drift a
/// day), 30 rows a day, dates ascending. About 60 % of rows are buys of $500-$5,000 of a random
/// symbol, 23 % sales of part (a tenth to a half, or now and then all) of a held position, 12 %
/// cash dividends on a held position, the rest fees and interest; the first row of each day is a
/// deposit, and a buy the cash cannot pay becomes a deposit instead, so cash never goes negative.
/// Each symbol is traded about every 80 days, so wash sales happen (a loss sale with a buy of the
/// same symbol within 30 days) but rarely chain, and the ledger's result grows linearly with the
/// file. Not market data. Same rows and seed, same bytes.
/// </summary>
public static class SyntheticBookCsv
{
    public const int Symbols = 2_000;

    public static void Write(TextWriter writer, int rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        var walk = new Random(seed + 1);
        var symbols = Enumerable.Range(0, Symbols).Select(i => string.Create(CultureInfo.InvariantCulture, $"BK{i:D4}")).ToArray();
        var level = symbols.Select(_ => Math.Exp(Math.Log(10d) + (walk.NextDouble() * Math.Log(30d)))).ToArray();
        var held = new decimal[Symbols];
        var heldList = new List<int>();             // symbols with units held, for picking a position to sell
        var heldAt = Enumerable.Repeat(-1, Symbols).ToArray();
        var cash = 0m;
        var date = new DateOnly(2010, 1, 3);
        writer.WriteLine(SyntheticTransactionCsv.Header);
        for (var row = 0; row < rows; row++)
        {
            if (row % 30 == 0)
            {
                date = date.AddDays(1);
                for (var s = 0; s < Symbols; s++)
                {
                    var z = Math.Sqrt(-2d * Math.Log(1d - walk.NextDouble())) * Math.Cos(2d * Math.PI * walk.NextDouble());
                    level[s] = Math.Clamp(level[s] * Math.Exp(0.0003 + (0.015 * z)), 1d, 100_000d);
                }
            }

            var d = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var settle = date.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var pick = random.Next(100);
            string line;
            if (row % 30 == 0)
            {
                cash += 20_000m;
                line = Invariant($"{d},{d},Deposit,,,,,20000,USD,1,Payroll,");
            }
            else if (pick < 60 || heldList.Count == 0)
            {
                var i = random.Next(Symbols);
                var price = Math.Round((decimal)level[i], 2);
                var value = (decimal)Math.Exp(Math.Log(500d) + (random.NextDouble() * Math.Log(10d)));
                var quantity = Math.Round(value / price, 3);
                var cost = (quantity * price) + 1m;
                if (quantity <= 0m || cost + 1m > cash)
                {
                    cash += 25_000m;
                    line = Invariant($"{d},{d},Deposit,,,,,25000,USD,1,Transfer in,");
                }
                else
                {
                    cash -= cost;
                    Hold(i, quantity);
                    line = Invariant($"{d},{settle},Buy,{symbols[i]},{quantity},{price},1.00,,USD,1,,K{row}");
                }
            }
            else if (pick < 83)
            {
                var i = heldList[random.Next(heldList.Count)];
                var price = Math.Round((decimal)level[i], 2);
                var share = random.Next(5) == 0 ? 1m : 0.1m + ((decimal)random.NextDouble() * 0.4m);
                var quantity = share == 1m ? held[i] : Math.Round(held[i] * share, 3, MidpointRounding.ToZero);
                if (quantity <= 0m)
                {
                    quantity = held[i];
                }

                cash += (quantity * price) - 1m;
                Hold(i, -quantity);
                line = Invariant($"{d},{settle},Sell,{symbols[i]},{quantity},{price},1.00,,USD,1,,K{row}");
            }
            else if (pick < 95)
            {
                var i = heldList[random.Next(heldList.Count)];
                var amount = Math.Round(held[i] * (decimal)level[i] * 0.005m, 2) + 0.01m;
                cash += amount;
                line = Invariant($"{d},{d},Dividend,{symbols[i]},,,,{amount},USD,1,Quarterly dividend,");
            }
            else if (pick < 97 && cash > 100m)
            {
                cash -= 25m;
                line = Invariant($"{d},{d},Fee,,,,,25,USD,1,Account fee,");
            }
            else
            {
                cash += 0.5m;
                line = Invariant($"{d},{d},Interest,,,,,0.50,USD,1,,");
            }

            writer.WriteLine(line);
        }

        void Hold(int i, decimal quantity)
        {
            held[i] += quantity;
            if (held[i] > 0m && heldAt[i] < 0)
            {
                heldAt[i] = heldList.Count;
                heldList.Add(i);
            }
            else if (held[i] == 0m && heldAt[i] >= 0)
            {
                var last = heldList[^1];
                heldList[heldAt[i]] = last;
                heldAt[last] = heldAt[i];
                heldList.RemoveAt(heldList.Count - 1);
                heldAt[i] = -1;
            }
        }
    }

    /// <summary>The chosen profile's file: the book, or the dense file with the given prices.</summary>
    public static void Write(TextWriter writer, int rows, int seed, SyntheticProfile profile, SyntheticPrices prices)
    {
        if (profile == SyntheticProfile.Book)
        {
            Write(writer, rows, seed);
        }
        else
        {
            SyntheticTransactionCsv.Write(writer, rows, seed, prices);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
