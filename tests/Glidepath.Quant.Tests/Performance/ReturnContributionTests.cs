using Glidepath.Quant.Performance;
using Glidepath.Quant.Tests.Fixtures;

namespace Glidepath.Quant.Tests.Performance;

public class ReturnContributionTests
{
    // One period: contribution is weight × return exactly (k_t = k).
    [Fact]
    public void ByHolding_SinglePeriod_IsWeightTimesReturn()
    {
        var c = ReturnContribution.ByHolding(new double[,] { { 0.6, 0.4 } }, new double[,] { { 0.10, -0.05 } });

        Tolerance.Close([0.06, -0.02], c, rel: 1e-14);
    }

    // LPP2005, the six asset classes held at fixed start-of-day weights (daily rebalanced): the
    // linked contributions add up to the compounded portfolio return.
    [Fact]
    public void ByHoldingAndGroup_RealData_AddUpToCompoundedReturn()
    {
        var table = Fixture.Csv("lpp2005_daily_logreturns.csv");
        string[] assets = ["SBI", "SPI", "SII", "LMI", "MPI", "ALT"];
        double[] w = [0.3, 0.2, 0.1, 0.2, 0.15, 0.05];
        var log = table.Matrix(assets);
        int periods = log.GetLength(0), n = assets.Length;
        var returns = new double[periods, n];
        var weights = new double[periods, n];
        var portfolio = new double[periods];
        for (var t = 0; t < periods; t++)
        {
            for (var i = 0; i < n; i++)
            {
                returns[t, i] = Math.Exp(log[t, i]) - 1.0;
                weights[t, i] = w[i];
                portfolio[t] += w[i] * returns[t, i];
            }
        }

        var byHolding = ReturnContribution.ByHolding(weights, returns);
        var byGroup = ReturnContribution.ByGroup(weights, returns, ["Bonds", "Equities", "Real estate", "Bonds", "Equities", "Alternatives"]);

        var total = TimeWeightedReturn.Link(portfolio);
        Tolerance.Close(total, byHolding.Sum(), rel: 1e-12);
        Tolerance.Close(total, byGroup.Values.Sum(), rel: 1e-12);
        Tolerance.Close(byHolding[0] + byHolding[3], byGroup["Bonds"], rel: 1e-14);
    }
}
