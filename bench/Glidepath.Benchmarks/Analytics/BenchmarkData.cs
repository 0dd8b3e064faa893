using System.Globalization;

namespace Glidepath.Benchmarks.Analytics;

/// <summary>
/// Real-data inputs for the analytics benchmarks, read from the test fixtures' copies
/// (tests/Glidepath.Quant.Tests/Fixtures/Data, see the README there).
/// </summary>
internal static class BenchmarkData
{
    /// <summary>Simple daily returns of the S&amp;P 500 members without gaps, 2001 H2 (102 × 486).</summary>
    public static double[,] Sp500Returns(int assets)
    {
        var (header, rows) = Read("sp500_constituents_daily_prices_2001h2.csv");
        var complete = Enumerable.Range(0, header.Length).Where(j => rows.All(r => !double.IsNaN(r[j]))).Take(assets).ToArray();
        var r = new double[rows.Length - 1, complete.Length];
        for (var t = 0; t < rows.Length - 1; t++)
        {
            for (var k = 0; k < complete.Length; k++)
            {
                r[t, k] = rows[t + 1][complete[k]] / rows[t][complete[k]] - 1.0;
            }
        }

        return r;
    }

    /// <summary>
    /// 1,000 × 500 matrix of real daily returns for the shrinkage benchmark: no real file has that
    /// shape, so column 30k + j holds Dow Jones stock j's returns lagged by 40k days
    /// (k = 0..16, 510 columns of which the first 500 are used). Timing input only.
    /// </summary>
    public static double[,] DowJonesLagged(int periods = 1000, int assets = 500)
    {
        var (_, prices) = Read("dowjones30_daily_prices.csv");
        var n = prices[0].Length;
        var r = new double[periods, assets];
        for (var c = 0; c < assets; c++)
        {
            int stock = c % n, lag = 40 * (c / n);
            for (var t = 0; t < periods; t++)
            {
                var row = t + lag + 1;
                r[t, c] = prices[row][stock] / prices[row - 1][stock] - 1.0;
            }
        }

        return r;
    }

    public static double[] ColumnMeans(double[,] returns)
    {
        int t = returns.GetLength(0), n = returns.GetLength(1);
        var mu = new double[n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < t; i++)
            {
                mu[j] += returns[i, j] / t;
            }
        }

        return mu;
    }

    private static (string[] Header, double[][] Rows) Read(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(DataFolder(), name));
        var header = lines[0].Split(',')[1..];
        var rows = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')[1..].Select(v => v.Length == 0 ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (header, rows);
    }

    private static string DataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Glidepath.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Glidepath.Quant.Tests", "Fixtures", "Data");
            }
        }

        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");
    }
}
