using System.Globalization;
using Glidepath.Quant.Performance;

namespace Glidepath.Cli.Analytics;

/// <summary>
/// A CSV with a Date column and one numeric column per asset, as returns or prices (prices are
/// turned into simple returns). Rows with an empty field are rejected, never filled.
/// </summary>
internal sealed record AssetTable(string[] Dates, string[] Names, double[][] Columns)
{
    public int Periods => Dates.Length;

    public static AssetTable Read(FileInfo file, string input)
    {
        var lines = File.ReadAllLines(file.FullName).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 3)
        {
            throw new InvalidDataException($"{file.Name}: a header and at least two rows are needed.");
        }

        var header = lines[0].Split(',');
        if (!header[0].Equals("date", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{file.Name}: the first column must be Date.");
        }

        var rows = lines[1..].Select(l => l.Split(',')).ToArray();
        var columns = new double[header.Length - 1][];
        for (var c = 1; c < header.Length; c++)
        {
            columns[c - 1] = [.. rows.Select((r, i) => Parse(file, r, c, i + 2))];
        }

        var dates = rows.Select(r => r[0]).ToArray();
        if (input == "prices")
        {
            columns = [.. columns.Select(p => PeriodReturns.FromPrices(p))];
            dates = dates[1..];
        }

        return new AssetTable(dates, header[1..], columns);
    }

    /// <summary>Rows = periods, columns = the assets in <paramref name="names"/> (all when null).</summary>
    public double[,] Matrix(IReadOnlyList<string>? names = null)
    {
        var index = (names ?? Names).Select(n => Array.IndexOf(Names, n)).ToArray();
        var m = new double[Periods, index.Length];
        for (var j = 0; j < index.Length; j++)
        {
            for (var t = 0; t < Periods; t++)
            {
                m[t, j] = Columns[index[j]][t];
            }
        }

        return m;
    }

    public double[] Column(string name)
    {
        var i = Array.IndexOf(Names, name);
        return i >= 0 ? Columns[i] : throw new InvalidDataException($"No column named '{name}'.");
    }

    private static double Parse(FileInfo file, string[] row, int column, int line) =>
        column < row.Length && double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"{file.Name} line {line}: column {column + 1} is not a number.");
}
