using System.Globalization;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Infrastructure.Planning;

/// <summary>
/// A monthly return CSV: a header row, then one row per month; each asset's column is named in
/// <c>returnModel.series.columns</c>. Empty lines are skipped; an empty or non-numeric cell is an error.
/// </summary>
public sealed class ReturnSeriesCsv
{
    private readonly string[] header;
    private readonly string[][] rows;

    private ReturnSeriesCsv(string name, string[] header, string[][] rows)
    {
        Name = name;
        this.header = header;
        this.rows = rows;
    }

    /// <summary>How errors name the file (a path for the CLI, a dataset name for the server).</summary>
    public string Name { get; }

    public IReadOnlyList<string> Header => header;

    /// <param name="field">The scenario field that named the file, for a missing file.</param>
    public static ReturnSeriesCsv Read(string path, string name, string field)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException(field, $"not found: {name}");
        }

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            throw new InvalidInputException(field, $"{name} has no data rows");
        }

        return new ReturnSeriesCsv(name, lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    /// <summary>The series of the scenario's columns, converted and checked (<see cref="ReturnSeries"/>).</summary>
    public HistoricalSeries Series(SeriesDocument series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var names = series.Columns ?? throw new InvalidInputException("returnModel.series.columns", "is required with a file or dataset");
        var columns = new double[names.Count][];
        for (var a = 0; a < names.Count; a++)
        {
            var index = Array.IndexOf(header, names[a]);
            if (index < 0)
            {
                throw new InvalidInputException($"returnModel.series.columns[{a}]", $"no column '{names[a]}' in {Name} (columns: {string.Join(", ", header)})");
            }

            columns[a] = new double[rows.Length];
            for (var row = 0; row < rows.Length; row++)
            {
                var cell = index < rows[row].Length ? rows[row][index] : "";
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out columns[a][row]))
                {
                    throw new InvalidInputException($"returnModel.series.columns[{a}]", $"{Name} line {row + 2}: '{cell}' in column {names[a]} is not a number");
                }
            }
        }

        return ReturnSeries.FromColumns(series, columns, (a, t) => $"{Name} line {t + 2}, column {names[a]}");
    }
}
