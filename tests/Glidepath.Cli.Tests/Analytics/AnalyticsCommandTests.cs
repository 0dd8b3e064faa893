using System.Text.Json;
using Glidepath.Cli.Tests.Commands;

namespace Glidepath.Cli.Tests.Analytics;

/// <summary>
/// <c>optimize</c>, <c>stats</c> and <c>xirr</c> against independent references: cvxopt
/// (tests/Glidepath.Quant.Tests/Fixtures/make_optimization.py and
/// tests/Glidepath.Domain.Tests/Portfolios/Fixtures/make_model_portfolios.py), numpy/scipy
/// (Fixtures/make_stats.py) and Microsoft's published XIRR example.
/// </summary>
public sealed class AnalyticsCommandTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples", "data");
    private static readonly string DowJones = Path.Combine(Examples, "dowjones30_daily_prices.csv");
    private static readonly string Proxies = Path.Combine(Examples, "asset_class_proxies_daily_returns.csv");

    [Fact]
    public async Task Optimize_DowJonesMinVarianceAndMaxSharpe_MatchCvxopt()
    {
        await using var cli = await CliRun.StartAsync();
        var reference = Fixture("optimization.json").GetProperty("dowjones30");
        var assets = reference.GetProperty("assets").EnumerateArray().Select(a => a.GetString()!).ToArray();

        foreach (var (args, key) in new[]
        {
            (new[] { "--objective", "min-variance" }, "minVarianceLongOnly"),
            (new[] { "--objective", "max-sharpe", "--max-weight", "0.1" }, "maxSharpeMax10"),
        })
        {
            var (exit, output, error) = await cli.RunAsync(["optimize", "--data", DowJones, "--input", "prices", "--json", .. args]);
            Assert.True(exit == 0, error);
            Assert.Equal("", error);
            using var doc = JsonDocument.Parse(output);
            var weights = doc.RootElement.GetProperty("weights");
            var expected = reference.GetProperty("cases").GetProperty(key).EnumerateArray().Select(w => w.GetDouble()).ToArray();
            for (var i = 0; i < assets.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - weights.GetProperty(assets[i]).GetDouble()) <= 1e-6, $"{key} {assets[i]}");
            }

            Assert.True(doc.RootElement.GetProperty("volatility").GetDouble() > 0);
            Assert.True(doc.RootElement.TryGetProperty("expectedReturn", out _));
            Assert.True(doc.RootElement.TryGetProperty("sharpe", out _));
        }
    }

    [Fact]
    public async Task Optimize_FrontierOfProxies_IsAListMatchingCvxopt()
    {
        await using var cli = await CliRun.StartAsync();
        var (exit, output, error) = await cli.RunAsync(
            "optimize", "--data", Proxies, "--objective", "frontier", "--points", "10", "--max-weight", "0.6", "--periods-per-year", "252", "--json");

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var points = doc.RootElement.EnumerateArray().ToList();
        var levels = Fixture("model_portfolios.json").GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(levels.Count, points.Count);
        for (var l = 0; l < levels.Count; l++)
        {
            Assert.Equal(levels[l].GetProperty("expectedReturn").GetDouble(), points[l].GetProperty("expectedReturn").GetDouble(), 1e-6);
            Assert.Equal(levels[l].GetProperty("volatility").GetDouble(), points[l].GetProperty("volatility").GetDouble(), 1e-6);
            foreach (var asset in levels[l].GetProperty("weights").EnumerateObject())
            {
                Assert.True(Math.Abs(asset.Value.GetDouble() - points[l].GetProperty("weights").GetProperty(asset.Name).GetDouble()) <= 1e-6, $"level {l + 1} {asset.Name}");
            }
        }
    }

    [Fact]
    public async Task Optimize_Failures_OneLineAndExitCode()
    {
        await using var cli = await CliRun.StartAsync();

        // Five assets capped at 0.1 cannot be fully invested: exit 1, the line names the conflicting constraints.
        var (exit, output, error) = await cli.RunAsync("optimize", "--data", Proxies, "--objective", "min-variance", "--max-weight", "0.1");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("glidepath: infeasible:", error, StringComparison.Ordinal);
        Assert.Contains("max weight UsEquity_DJIA", error, StringComparison.Ordinal);

        (exit, _, error) = await cli.RunAsync("optimize", "--data", Proxies, "--objective", "target-return");
        Assert.Equal(2, exit);
        Assert.Contains("--target", error, StringComparison.Ordinal);

        (exit, _, error) = await cli.RunAsync("optimize", "--data", Proxies, "--objective", "target-return", "--target", "5", "--periods-per-year", "252");
        Assert.Equal(1, exit);
        Assert.StartsWith("glidepath: unattainable:", error, StringComparison.Ordinal);

        (exit, _, error) = await cli.RunAsync("optimize", "--data", Proxies, "--objective", "best");
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));

        var gap = cli.File("gap.csv", "Date,A,B\n2020-01-01,0.01,0.02\n2020-01-02,,0.01\n2020-01-03,0.02,0.00\n");
        (exit, _, error) = await cli.RunAsync("optimize", "--data", gap, "--objective", "min-variance");
        Assert.Equal(1, exit);
        Assert.Equal("glidepath: gap.csv line 3: column 2 is not a number.", error.TrimEnd());

        (exit, _, error) = await cli.RunAsync("optimize", "--data", Path.Combine(Examples, "missing.csv"), "--objective", "min-variance");
        Assert.Equal(1, exit);
        Assert.StartsWith("glidepath: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Stats_Proxies_MatchNumpyReference()
    {
        await using var cli = await CliRun.StartAsync();
        var (exit, output, error) = await cli.RunAsync(
            "stats", "--data", Proxies, "--benchmark", "UsEquity_DJIA", "--risk-free", "0.02", "--periods-per-year", "252", "--json");

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        foreach (var column in Fixture("stats.json").GetProperty("columns").EnumerateObject())
        {
            var actual = doc.RootElement.GetProperty(column.Name);
            Assert.Equal(column.Value.EnumerateObject().Count(), actual.EnumerateObject().Count());
            foreach (var stat in column.Value.EnumerateObject())
            {
                if (stat.Value.ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(stat.Value.GetString(), actual.GetProperty(stat.Name).GetString());
                    continue;
                }

                var expected = stat.Value.GetDouble();
                var got = actual.GetProperty(stat.Name).GetDouble();
                Assert.True(Math.Abs(expected - got) <= 1e-9 * Math.Max(1.0, Math.Abs(expected)), $"{column.Name} {stat.Name}: {expected} vs {got}");
            }
        }
    }

    [Fact]
    public async Task Stats_UnknownBenchmark_OneLineExitOne()
    {
        await using var cli = await CliRun.StartAsync();
        var (exit, output, error) = await cli.RunAsync("stats", "--data", Proxies, "--benchmark", "NOPE");
        Assert.Equal((1, ""), (exit, output));
        Assert.Equal("glidepath: No column named 'NOPE'.", error.TrimEnd());
    }

    /// <summary>
    /// Microsoft's XIRR documentation example: 0.373362535 (37.34 %). Excel stops iterating at a
    /// relative accuracy of 0.000001 %, so agreement is to 1e-8, not to the last printed digit.
    /// </summary>
    [Fact]
    public async Task Xirr_MicrosoftExample_MatchesPublishedRate()
    {
        await using var cli = await CliRun.StartAsync();
        var flows = cli.File("flows.csv", "Date,Amount\n2008-01-01,-10000\n2008-03-01,2750\n2008-10-30,4250\n2009-02-15,3250\n2009-04-01,2750\n");

        var (exit, output, error) = await cli.RunAsync("xirr", flows);

        Assert.True(exit == 0, error);
        Assert.Equal(0.373362535, double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture), 1e-8);
    }

    [Fact]
    public async Task Xirr_NoSignChangeOrBadRow_OneLineExitOne()
    {
        await using var cli = await CliRun.StartAsync();
        var sameSign = cli.File("same.csv", "Date,Amount\n2020-01-01,100\n2021-01-01,110\n");
        var (exit, output, error) = await cli.RunAsync("xirr", sameSign);
        Assert.Equal((1, ""), (exit, output));
        Assert.Equal("glidepath: the flows need at least one positive and one negative amount.", error.TrimEnd());

        var bad = cli.File("bad.csv", "Date,Amount\n2020-01-01,-100\n2021-13-01,110\n");
        (exit, _, error) = await cli.RunAsync("xirr", bad);
        Assert.Equal(1, exit);
        Assert.Equal("glidepath: bad.csv line 3: expected a yyyy-MM-dd date and a number.", error.TrimEnd());
    }

    private static JsonElement Fixture(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analytics", "Fixtures", name)));
        return doc.RootElement.Clone();
    }
}
