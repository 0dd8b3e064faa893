using System.Collections.Concurrent;
using Glidepath.Domain.Planning;
using Glidepath.Infrastructure.Planning;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Application.Planning;

/// <summary>
/// Return series for bootstrap and historical models on the server: a dataset shipped with the
/// server by name (copied from examples/data, sources in its README), never a file a client
/// names. Inline <c>monthlyReturns</c> need no loader. Datasets are read once and kept.
/// </summary>
public sealed class ReturnSeriesLoader
{
    /// <summary>Dataset name → file under <c>Datasets/</c> next to the server (docs/scenario-format.md lists their columns).</summary>
    public static readonly IReadOnlyDictionary<string, string> Datasets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-stocks-excess-1931-2002"] = "us_stocks_monthly_excess_returns_1931_2002_pct.csv",
        ["smallcap-1997-2001"] = "smallcap_monthly_returns.csv",
    };

    private readonly ConcurrentDictionary<string, Lazy<ReturnSeriesCsv>> tables = new(StringComparer.Ordinal);

    public HistoricalSeries Load(SeriesDocument series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Dataset is not { } name)
        {
            throw new InvalidInputException("returnModel.series.file", $"the server reads no files named by a client; use dataset (one of: {string.Join(", ", Datasets.Keys)}) or monthlyReturns");
        }

        if (!Datasets.TryGetValue(name, out var file))
        {
            throw new InvalidInputException("returnModel.series.dataset", $"unknown dataset '{name}'; use one of: {string.Join(", ", Datasets.Keys)}");
        }

        var table = tables.GetOrAdd(name, _ => new Lazy<ReturnSeriesCsv>(() => ReturnSeriesCsv.Read(Path.Combine(AppContext.BaseDirectory, "Datasets", file), name, "returnModel.series.dataset")));
        return table.Value.Series(series);
    }
}
