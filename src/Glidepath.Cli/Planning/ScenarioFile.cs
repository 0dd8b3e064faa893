using System.Globalization;
using Glidepath.Domain.Planning;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Cli.Planning;

/// <summary>Reads a scenario file and the return series it names (paths relative to the scenario).</summary>
internal static class ScenarioFile
{
    public static ScenarioDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"scenario file not found: {path}");
        }

        var parsed = ScenarioParser.Parse(File.ReadAllText(path));
        return parsed.Value ?? throw new CliException($"{path}: {parsed.Error}");
    }

    public static Func<SeriesDocument, HistoricalSeries> SeriesLoader(string scenarioPath) =>
        series => LoadSeries(series, Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".");

    /// <summary>A plain CSV with a header row; one return column per asset; empty cells are an error.</summary>
    private static HistoricalSeries LoadSeries(SeriesDocument series, string baseDirectory)
    {
        var path = Path.Combine(baseDirectory, series.File);
        if (!File.Exists(path))
        {
            throw new CliException($"returnModel.series.file: not found: {path}");
        }

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var columns = series.Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        for (var a = 0; a < columns.Length; a++)
        {
            if (columns[a] < 0)
            {
                throw new CliException($"returnModel.series.columns[{a}]: no column '{series.Columns[a]}' in {path}");
            }
        }

        var scale = series.Units == SeriesUnits.Percent ? 0.01 : 1.0;
        var returns = columns.Select(_ => new List<double>()).ToArray();
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            for (var a = 0; a < columns.Length; a++)
            {
                if (!double.TryParse(cells[columns[a]], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new CliException($"{path} line {row + 1}: '{cells[columns[a]]}' in column {series.Columns[a]} is not a number");
                }

                value *= scale;
                value = series.Returns == SeriesReturns.Log ? Math.Exp(value) - 1 : value;
                returns[a].Add(value + series.MonthlyOffset);
            }
        }

        return new HistoricalSeries(returns);
    }
}

/// <summary>A user-facing error: printed as one line on stderr, exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message)
{
    public CliException()
        : this("error")
    {
    }

    public CliException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
