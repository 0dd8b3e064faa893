using System.Net;
using System.Text.Json;
using Glidepath.Server.Optimization;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Optimization;

public class OptimizeEndpointsTest
{
    private static readonly double[][] Rows =
    [
        [0.010, 0.004, -0.002], [-0.020, 0.001, 0.006], [0.015, -0.003, 0.001], [0.007, 0.002, -0.004],
        [-0.011, 0.005, 0.003], [0.022, -0.001, 0.000], [-0.004, 0.003, 0.002], [0.009, 0.000, -0.001],
    ];

    /// <summary>Two assets, long-only and unconstrained inside: w_A = (s_BB − s_AB)/(s_AA + s_BB − 2 s_AB), the closed form on the sample covariance.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Optimize_MinVarianceOfTwoAssets_MatchesClosedForm(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var data = Rows.Select(r => (IReadOnlyList<double>)[r[0], r[1]]).ToList();
        var request = new { assets = new[] { "A", "B" }, data, objective = "min-variance" };

        var response = await (await client.PostAsync("/api/optimize", request)).ReadAsync<JsonElement>();

        var a = Rows.Select(r => r[0]).ToArray();
        var b = Rows.Select(r => r[1]).ToArray();
        double Cov(double[] x, double[] y) => x.Zip(y).Sum(p => (p.First - x.Average()) * (p.Second - y.Average())) / (x.Length - 1);
        var wA = (Cov(b, b) - Cov(a, b)) / (Cov(a, a) + Cov(b, b) - 2 * Cov(a, b));
        var portfolio = response.GetProperty("portfolios")[0];
        Assert.Equal(wA, portfolio.GetProperty("weights").GetProperty("A").GetDouble(), 1e-9);
        Assert.Equal(1.0 - wA, portfolio.GetProperty("weights").GetProperty("B").GetDouble(), 1e-9);
        var variance = wA * wA * Cov(a, a) + 2 * wA * (1 - wA) * Cov(a, b) + (1 - wA) * (1 - wA) * Cov(b, b);
        Assert.Equal(Math.Sqrt(variance), portfolio.GetProperty("volatility").GetDouble(), 1e-12);

        var frontier = await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "frontier", points = 5, periodsPerYear = 252 }))
            .ReadAsync<OptimizeResponse>();
        Assert.Equal(5, frontier.Portfolios.Count);
        Assert.All(frontier.Portfolios, p => Assert.Equal(1.0, p.Weights.Values.Sum(), 1e-9));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Optimize_ConflictingBounds_NamesTheConstraints(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        // Three assets capped at 0.3 each cannot be fully invested.
        var problem = await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "min-variance", maxWeight = 0.3 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "infeasible-constraints");
        var names = problem.GetProperty("conflictingConstraints").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(names, n => n.Contains("max weight A", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("max weight C", StringComparison.Ordinal));
        Assert.Contains("max weight A", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);

        await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "target-return", target = 0.5 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "objective-unattainable");
        await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "target-return" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B" }, data = Rows, objective = "min-variance" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "best" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    /// <summary>
    /// Evaluated portfolios use the optimiser's own μ and Σ: all in A gives A's annualised mean and
    /// standard deviation; half in B and half uninvested gives half B's mean (r_f = 0) and half its
    /// volatility; an evaluated frontier point lands on the frontier's own figures.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Optimize_Evaluate_PlacesGivenPortfoliosUnderTheSameAssumptions(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var frontier = await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "frontier", points = 4, periodsPerYear = 252 }))
            .ReadAsync<OptimizeResponse>();
        var point = frontier.Portfolios[2];
        var evaluate = new object[]
        {
            new { name = "all A", weights = new Dictionary<string, double> { ["A"] = 1.0 } },
            new { name = "half B", weights = new Dictionary<string, double> { ["B"] = 0.5 } },
            new { name = "frontier", weights = point.Weights },
        };

        var response = await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "frontier", points = 4, periodsPerYear = 252, evaluate }))
            .ReadAsync<OptimizeResponse>();

        static (double Mean, double Sd) Stats(double[] x) => (x.Average(), Math.Sqrt(x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Length - 1)));
        var a = Stats([.. Rows.Select(r => r[0])]);
        var b = Stats([.. Rows.Select(r => r[1])]);
        Assert.Equal(["all A", "half B", "frontier"], response.Evaluated.Select(e => e.Name));
        Assert.Equal(a.Mean * 252, response.Evaluated[0].ExpectedReturn, 1e-12);
        Assert.Equal(a.Sd * Math.Sqrt(252), response.Evaluated[0].Volatility, 1e-12);
        Assert.Equal(0.0, response.Evaluated[0].RiskFreeWeight, 1e-12);
        Assert.Equal(0.5 * b.Mean * 252, response.Evaluated[1].ExpectedReturn, 1e-12);
        Assert.Equal(0.5 * b.Sd * Math.Sqrt(252), response.Evaluated[1].Volatility, 1e-12);
        Assert.Equal(0.5, response.Evaluated[1].RiskFreeWeight, 1e-12);
        Assert.Equal(point.ExpectedReturn, response.Evaluated[2].ExpectedReturn, 1e-9);
        Assert.Equal(point.Volatility, response.Evaluated[2].Volatility, 1e-9);

        var cash = await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "min-variance", riskFree = 0.02, evaluate = new[] { new { name = "cash", weights = new Dictionary<string, double>() } } }))
            .ReadAsync<OptimizeResponse>();
        Assert.Equal((0.02, 0.0, (double?)null), (cash.Evaluated[0].ExpectedReturn, cash.Evaluated[0].Volatility, cash.Evaluated[0].Sharpe));

        foreach (var bad in new[] { new Dictionary<string, double> { ["A"] = 0.7, ["B"] = 0.4 }, new() { ["D"] = 0.1 }, new() { ["A"] = -0.1 } })
        {
            await (await client.PostAsync("/api/optimize", new { assets = new[] { "A", "B", "C" }, data = Rows, objective = "min-variance", evaluate = new[] { new { name = "bad", weights = bad } } }))
                .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }
    }
}
