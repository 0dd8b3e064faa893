using System.Globalization;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;

namespace Glidepath.Application.ModelPortfolios;

/// <summary>
/// examples/data/asset_class_proxies_daily_returns.csv (copied next to each front door as
/// ModelData/…): daily simple returns of one proxy per asset class; a column is named
/// "{AssetClass}_{proxy}". See examples/data/README.md for the sources.
/// </summary>
public static class AssetClassProxyFile
{
    /// <summary>Daily data: trading days a year, to annualise μ and Σ.</summary>
    public const double PeriodsPerYear = 252.0;

    public static string DefaultPath { get; } = Path.Combine(AppContext.BaseDirectory, "ModelData", "asset_class_proxies_daily_returns.csv");

    public static IReadOnlyList<AssetClassProxy> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines[1..].Select(l => l.Split(',')).ToArray();
        return [.. header.Skip(1).Select((name, j) => new AssetClassProxy(
            name,
            Enum.Parse<AssetClass>(name.Split('_')[0]),
            [.. rows.Select(r => double.Parse(r[j + 1], NumberStyles.Float, CultureInfo.InvariantCulture))]))];
    }
}
