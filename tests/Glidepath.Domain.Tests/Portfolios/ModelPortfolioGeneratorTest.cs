using System.Globalization;
using System.Text.Json;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;

namespace Glidepath.Domain.Tests.Portfolios;

/// <summary>The ten risk levels against cvxopt (Fixtures/make_model_portfolios.py) on the real asset-class proxies.</summary>
public sealed class ModelPortfolioGeneratorTest
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Portfolios", "Fixtures", name);

    [Fact]
    public void Generate_AssetClassProxies_MatchesCvxoptFrontier()
    {
        var lines = File.ReadAllLines(Fixture("asset_class_proxies_daily_returns.csv")).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines[1..].Select(l => l.Split(',')).ToArray();
        var proxies = header.Skip(1).Select((name, j) => new AssetClassProxy(
            name, Enum.Parse<AssetClass>(name.Split('_')[0]), [.. rows.Select(r => double.Parse(r[j + 1], CultureInfo.InvariantCulture))])).ToList();
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("model_portfolios.json")));
        var expected = doc.RootElement.GetProperty("levels").EnumerateArray().ToList();

        var (levels, failure) = ModelPortfolioGenerator.Generate(proxies, 252, 0.6);

        Assert.Null(failure);
        Assert.Equal(expected.Count, levels.Count);
        for (var l = 0; l < levels.Count; l++)
        {
            var level = levels[l];
            Assert.Equal(l + 1, level.Level);
            Assert.Equal(1m, level.Allocations.Sum(a => a.Weight));
            Assert.Equal(expected[l].GetProperty("expectedReturn").GetDouble(), level.ExpectedReturn, 1e-6);
            Assert.Equal(expected[l].GetProperty("volatility").GetDouble(), level.Volatility, 1e-6);
            foreach (var proxy in expected[l].GetProperty("weights").EnumerateObject())
            {
                var assetClass = Enum.Parse<AssetClass>(proxy.Name.Split('_')[0]);
                var weight = level.Allocations.SingleOrDefault(a => a.AssetClass == assetClass)?.Weight ?? 0m;

                // One proxy per class here; weights are rounded to 6 decimals.
                Assert.True(Math.Abs((double)weight - proxy.Value.GetDouble()) <= 2e-6, $"level {l + 1} {proxy.Name}: {weight} vs {proxy.Value.GetDouble()}");
            }
        }
    }

    [Fact]
    public void Check_WeightsNotSummingToOne_IsRefused()
    {
        Assert.NotNull(ModelPortfolioRules.Check([new(AssetClass.Bonds, 0.5m), new(AssetClass.UsEquity, 0.4m)]));
        Assert.NotNull(ModelPortfolioRules.Check([new(AssetClass.Bonds, 0.5m), new(AssetClass.Bonds, 0.5m)]));
        Assert.NotNull(ModelPortfolioRules.Check([new(AssetClass.Bonds, 1.0000001m)]));
        Assert.Null(ModelPortfolioRules.Check([new(AssetClass.Bonds, 0.4m), new(AssetClass.UsEquity, 0.6m)]));
    }
}
