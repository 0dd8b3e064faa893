using Glidepath.Domain.Results;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Planning;
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
        var document = parsed.Match(d => d, refused => throw new CliException($"{path}: {refused}"));
        return document.FromLedger is null
            ? document
            : throw new CliException($"{path}: fromLedger: a scenario file has no household; give startBalance, or store the plan and run simulate --household ID --plan ID");
    }

    public static Func<SeriesDocument, HistoricalSeries> SeriesLoader(string scenarioPath) =>
        series => LoadSeries(series, Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".");

    /// <summary>A file relative to the scenario; the CLI has no shipped datasets (the server has).</summary>
    private static HistoricalSeries LoadSeries(SeriesDocument series, string baseDirectory)
    {
        if (series.File is null)
        {
            throw new InvalidInputException("returnModel.series.dataset", "datasets are a server feature; the CLI reads a file (returnModel.series.file) or monthlyReturns");
        }

        var path = Path.Combine(baseDirectory, series.File);
        return ReturnSeriesCsv.Read(path, path, "returnModel.series.file").Series(series);
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
