using System.Globalization;
using System.Text.Json;

namespace Glidepath.Quant.Tests.Fixtures;

/// <summary>Reads the committed fixture files copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static JsonElement Json(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(name)));
        return doc.RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];

    public static DateOnly[] Dates(this JsonElement e) =>
        [.. e.EnumerateArray().Select(v => DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    public static double[,] Matrix(this JsonElement e)
    {
        var rows = e.EnumerateArray().Select(r => r.Doubles()).ToArray();
        var m = new double[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                m[i, j] = rows[i][j];
            }
        }

        return m;
    }

    /// <summary>A CSV from Data/ as named numeric columns; empty fields become NaN.</summary>
    public static CsvTable Csv(string name)
    {
        var lines = File.ReadAllLines(PathOf(Path.Combine("Data", name)));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var columns = new Dictionary<string, double[]>();
        for (var c = 1; c < header.Length; c++)
        {
            columns[header[c]] = [.. rows.Select(r => r[c].Length == 0 ? double.NaN : double.Parse(r[c], CultureInfo.InvariantCulture))];
        }

        return new CsvTable([.. rows.Select(r => r[0])], header[1..], columns);
    }
}

internal sealed record CsvTable(string[] Keys, string[] Names, Dictionary<string, double[]> Columns)
{
    /// <summary>Rows = observations, columns = the named series.</summary>
    public double[,] Matrix(IReadOnlyList<string> names)
    {
        var m = new double[Keys.Length, names.Count];
        for (var j = 0; j < names.Count; j++)
        {
            var col = Columns[names[j]];
            for (var i = 0; i < col.Length; i++)
            {
                m[i, j] = col[i];
            }
        }

        return m;
    }
}
