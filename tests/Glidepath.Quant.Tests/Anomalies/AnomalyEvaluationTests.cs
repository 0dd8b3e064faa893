using Glidepath.Quant.Anomalies;

namespace Glidepath.Quant.Tests.Anomalies;

/// <summary>The evaluation's parts: injection, the synthetic spending generator and the scoring.</summary>
public class AnomalyEvaluationTests
{
    [Fact]
    public void Evaluate_HandCountedFlags_GivesPrecisionRecallAndEventRecall()
    {
        // Labels: a spike at 2, a level shift at 5–7. Flags at 2, 6, 9: TP = 2 (2 and 6), FP = 1 (9),
        // FN = 2 (5, 7); precision 2/3, recall 2/4, both events touched.
        var truth = new LabelledSeries(new double[10], [false, false, true, false, false, true, true, true, false, false],
            [new InjectedAnomaly(AnomalyKind.Spike, 2, 1), new InjectedAnomaly(AnomalyKind.LevelShift, 5, 3)]);
        bool[] flags = [false, false, true, false, false, false, true, false, false, true];

        var all = DetectionScore.Evaluate(flags, truth);
        Assert.Equal((2, 1, 2), (all.TruePositives, all.FalsePositives, all.FalseNegatives));
        Assert.Equal(2.0 / 3, all.Precision, 12);
        Assert.Equal(0.5, all.Recall, 12);
        Assert.Equal(1.0, all.EventRecall);

        var shifts = DetectionScore.Evaluate(flags, truth, AnomalyKind.LevelShift);
        Assert.Equal((1, 1, 2), (shifts.TruePositives, shifts.FalsePositives, shifts.FalseNegatives));
    }

    [Fact]
    public void Inject_SameSeed_SameSeriesWithLabelsMatchingTheEvents()
    {
        var clean = Enumerable.Range(0, 500).Select(t => Math.Sin(t)).ToArray();
        var a = AnomalyInjection.Inject(clean, seed: 9, spikes: 5, levelShifts: 3);
        var b = AnomalyInjection.Inject(clean, seed: 9, spikes: 5, levelShifts: 3);

        Assert.Equal(a.Values, b.Values);
        Assert.Equal(8, a.Anomalies.Count);
        Assert.Equal(a.Anomalies.Sum(e => e.Length), a.Labels.Count(l => l));
        var sigma = RobustStatistics.MadToSigma * RobustStatistics.Mad(clean);
        foreach (var e in a.Anomalies)
        {
            for (var t = e.Start; t < e.Start + e.Length; t++)
            {
                var size = Math.Abs(a.Values[t] - clean[t]) / sigma;
                Assert.InRange(size, e.Kind == AnomalyKind.Spike ? 6 : 3, e.Kind == AnomalyKind.Spike ? 10 : 5);
            }
        }

        Assert.All(Enumerable.Range(0, clean.Length).Where(t => !a.Labels[t]), t => Assert.Equal(clean[t], a.Values[t]));
    }

    [Fact]
    public void Inject_DuplicatedCharge_AddsTheDaysLargestPurchase()
    {
        var spending = SyntheticSpending.Generate(new DateOnly(2024, 1, 1), 400, seed: 1);
        var truth = AnomalyInjection.Inject(spending.Totals, seed: 2, spikes: 0, levelShifts: 0, spending.Purchases, duplicatedCharges: 3);

        Assert.Equal(3, truth.Anomalies.Count);
        foreach (var e in truth.Anomalies)
        {
            Assert.Equal(AnomalyKind.DuplicatedCharge, e.Kind);
            Assert.Equal(spending.Totals[e.Start] + spending.Purchases[e.Start].Max(), truth.Values[e.Start], 9);
        }
    }

    [Fact]
    public void SyntheticSpending_TenYears_MeanMatchesTheModel()
    {
        // E[day] = λ(weekday) × season × E[amount]; E[amount] = 22 × exp(0.7² / 2) = 28.1129 (log-normal mean),
        // the season averages 1 over whole years and the weekday rates average 14.4 / 7.
        var spending = SyntheticSpending.Generate(new DateOnly(2015, 1, 1), 3652, seed: 4);
        var expected = 14.4 / 7 * 22 * Math.Exp(0.49 / 2);

        Assert.Equal(expected, spending.Totals.Average(), expected * 0.03);
        Assert.Equal(spending.Totals, SyntheticSpending.Generate(new DateOnly(2015, 1, 1), 3652, seed: 4).Totals);
        Assert.All(Enumerable.Range(0, 3652), d => Assert.Equal(spending.Purchases[d].Sum(), spending.Totals[d], 9));
    }
}
