using Glidepath.Quant.Optimization;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Optimization;

// The working-support solver must return the full program's optimum: every case is compared with
// DualActiveSetSolver on the whole program, including with a deliberately poor first support.
public class SupportSetSolverTests
{
    private const double Agreement = 1e-9;

    [Fact]
    public void Multipliers_SatisfyStationarityAndSigns()
    {
        // The quadprog example of DualActiveSetSolverTests, plus an equality.
        var g = new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
        var qp = new QuadraticProgram(g, [0, -5, 0]);
        qp.AddGreaterOrEqual("c1", [0, 1], [-4, -3], -8);
        qp.AddGreaterOrEqual("c2", [0, 1], [2, 1], 2);
        qp.AddGreaterOrEqual("c3", [1, 2], [-2, 1], 0);
        qp.AddEquality("e", [0, 2], [1, 1], 3);
        var lambda = new double[4];

        var result = DualActiveSetSolver.Solve(qp, lambda);

        Assert.Equal(QpStatus.Optimal, result.Status);
        var x = result.Solution;
        for (var i = 0; i < 3; i++)
        {
            var gradient = x[i] + qp.Linear[i];
            var rows = 0.0;
            for (var r = 0; r < 4; r++)
            {
                var c = qp.Constraints[r];
                var at = Array.IndexOf(c.Indices, i);
                rows += at < 0 ? 0.0 : lambda[r] * c.Coefficients[at];
            }

            Tolerance.Close(gradient, rows, rel: 1e-12, abs: 1e-14, what: $"stationarity {i}");
        }

        Assert.All(lambda.Take(3), l => Assert.True(l >= 0.0));
        Assert.Contains(lambda.Take(3), l => l > 0.0);
    }

    public static TheoryData<int, bool> Programs() => new()
    {
        { 1, false }, { 2, false }, { 3, true }, { 4, true }, { 5, false }, { 6, true },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void Solve_RandomPortfolioPrograms_EqualsFullSolve(int seed, bool homogeneous)
    {
        var random = new Random(seed);
        const int n = 60;
        var (cov, mu) = RandomMarket(random, n);
        var constraints = new PortfolioConstraints
        {
            DefaultMax = seed % 2 == 0 ? 0.1 : 1.0,
            MinWeights = [.. Enumerable.Range(0, n).Select(i => !homogeneous && i % 7 == 3 ? 0.01 : 0.0)],
            Groups = [new GroupConstraint("first ten", [.. Enumerable.Range(0, 10)], 0.15, 0.5)],
        };
        var program = PortfolioProgram.Create(cov, new double[n], constraints, homogeneous);
        if (homogeneous)
        {
            program.Program.AddEquality("excess", [.. Enumerable.Range(0, n)], mu, 1.0);
        }
        else
        {
            program.Program.AddEquality("target", [.. Enumerable.Range(0, n)], mu, mu.Average() + 0.2 * (mu.Max() - mu.Average()));
        }

        var full = DualActiveSetSolver.Solve(program.Program);
        var good = SupportSetSolver.Solve(program.Program, SupportPriority.BestRatio(cov, mu), 8);
        var poor = SupportSetSolver.Solve(program.Program, [.. SupportPriority.BestRatio(cov, mu).Reverse()], 1);

        Assert.Equal(QpStatus.Optimal, full.Status);
        foreach (var support in new[] { good, poor })
        {
            Assert.Equal(QpStatus.Optimal, support.Status);
            Tolerance.Close(full.Solution, support.Solution, rel: 0, abs: Agreement * full.Solution.Max(Math.Abs));
            Tolerance.Close(full.Objective, support.Objective, rel: 1e-12, abs: 1e-15);
            Assert.Equal(full.ActiveConstraints.Order(), support.ActiveConstraints.Order());
        }
    }

    [Fact]
    public void Solve_InfeasibleProgram_ReportsTheFullProgramsConflict()
    {
        var (cov, _) = RandomMarket(new Random(7), 30);
        var constraints = new PortfolioConstraints { DefaultMax = 0.03 };
        var program = PortfolioProgram.Create(cov, new double[30], constraints, homogeneous: false);

        var full = DualActiveSetSolver.Solve(program.Program);
        var support = SupportSetSolver.Solve(program.Program, SupportPriority.LowestVariance(cov), 2);

        Assert.Equal(QpStatus.Infeasible, full.Status);
        Assert.Equal(full.Status, support.Status);
        Assert.Equal(full.ConflictingConstraints.Order(), support.ConflictingConstraints.Order());
    }

    [Fact]
    public void EfficientFrontier_WarmStartedPoints_EqualColdFullSolves()
    {
        var (cov, mu) = Sp500(100);
        var constraints = new PortfolioConstraints { DefaultMax = 0.2 };

        var frontier = PortfolioOptimizer.EfficientFrontier(cov, mu, 25, constraints);

        Assert.Equal(25, frontier.Count);
        for (var k = 1; k < frontier.Count - 1; k++)
        {
            var program = PortfolioProgram.Create(cov, new double[100], constraints, homogeneous: false);
            program.Program.AddEquality("target", [.. Enumerable.Range(0, 100)], mu, frontier[k].ExpectedReturn);
            var cold = DualActiveSetSolver.Solve(program.Program);
            Assert.True(frontier[k].IsOptimal, frontier[k].Message);
            Tolerance.Close(cold.Solution, frontier[k].Weights, rel: 0, abs: Agreement, what: $"point {k}");
        }
    }

    [Fact]
    public void MaximumSharpe_486Assets_EqualsFullSolve()
    {
        var (cov, mu) = Sp500(486);
        var constraints = new PortfolioConstraints { DefaultMax = 0.05 };
        var program = PortfolioProgram.Create(cov, new double[486], constraints, homogeneous: true);
        program.Program.AddEquality("excess", [.. Enumerable.Range(0, 486)], mu, 1.0);
        var full = program.Weights(DualActiveSetSolver.Solve(program.Program).Solution, homogeneous: true);

        var result = PortfolioOptimizer.MaximumSharpe(cov, mu, 0.0, constraints);

        Assert.True(result.IsOptimal, result.Message);
        Tolerance.Close(full, result.Weights, rel: 0, abs: Agreement);
    }

    private static (double[,] Cov, double[] Mu) Sp500(int assets)
    {
        var all = Covariance.CovarianceEstimatorTests.Sp500Returns();
        var t = all.GetLength(0);
        var returns = new double[t, assets];
        var mu = new double[assets];
        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < assets; j++)
            {
                returns[i, j] = all[i, j];
                mu[j] += all[i, j] / t;
            }
        }

        return (Quant.Covariance.LedoitWolf.ConstantCorrelation(returns).Covariance, mu);
    }

    // Σ = BBᵀ + D from three random factors and idiosyncratic variances; μ partly aligned with risk.
    private static (double[,] Cov, double[] Mu) RandomMarket(Random random, int n)
    {
        var b = new double[n, 3];
        var cov = new double[n, n];
        var mu = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var f = 0; f < 3; f++)
            {
                b[i, f] = 0.1 * random.NextDouble() + (f == 0 ? 0.1 : -0.05);
            }

            mu[i] = 0.02 + 0.1 * random.NextDouble();
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var f = 0; f < 3; f++)
                {
                    cov[i, j] += b[i, f] * b[j, f];
                }
            }

            cov[i, i] += 0.01 + 0.05 * random.NextDouble();
        }

        return (cov, mu);
    }
}
