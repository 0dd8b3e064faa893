using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Quant.Tests.MonteCarlo;

public class HistoricalSequenceTests
{
    [Fact]
    public void Run_HistoricalSequence_OnePathPerStartYearReplayingTheSeries()
    {
        var returns = Enumerable.Range(0, 36).Select(t => t / 1000.0).ToArray();
        var input = new SimulationInput
        {
            StartBalance = 1,
            HorizonMonths = 18,
            Returns = new HistoricalSequenceReturns(new HistoricalSeries([returns])),
            Allocation = new Allocation([1.0]),
        };

        var result = MonteCarloSimulator.Run(input);

        Assert.Equal(3, result.Paths);
        for (var p = 0; p < 3; p++)
        {
            // Start year p begins at month 12p and wraps around the end of the series.
            var expected = Enumerable.Range(0, 18).Aggregate(1.0, (w, t) => w * (1 + returns[((12 * p) + t) % 36]));
            Assert.Equal(expected, result.TerminalBalances.Span[p], 5);
        }
    }
}
