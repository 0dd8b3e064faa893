namespace Glidepath.Quant.Anomalies;

/// <summary>
/// Precision and recall of a detector against labels (docs/anomalies.md, "Evaluation"). Point-wise:
/// precision = flagged labelled points / flagged points, recall = flagged labelled points / labelled
/// points. Event-wise recall: the share of injected anomalies with at least one of their points flagged.
/// Precision is 1 when nothing is flagged (no false alarm raised), recall is 1 when nothing is labelled.
/// </summary>
public sealed record DetectionScore(int TruePositives, int FalsePositives, int FalseNegatives, double EventRecall)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static DetectionScore Evaluate(IReadOnlyList<bool> flags, LabelledSeries truth, AnomalyKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(truth);
        if (flags.Count != truth.Labels.Length)
        {
            throw new ArgumentException("One flag per point is needed.", nameof(flags));
        }

        var events = truth.Anomalies.Where(a => kind is null || a.Kind == kind).ToList();
        var counted = new bool[flags.Count];
        foreach (var e in events)
        {
            for (var t = e.Start; t < e.Start + e.Length; t++)
            {
                counted[t] = true;
            }
        }

        int tp = 0, fp = 0, fn = 0;
        for (var t = 0; t < flags.Count; t++)
        {
            if (counted[t])
            {
                if (flags[t])
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (flags[t] && (kind is null || !truth.Labels[t]))
            {
                // A flag on another kind's anomaly is neither a hit nor a false alarm of this kind.
                fp++;
            }
        }

        var hit = events.Count(e => Enumerable.Range(e.Start, e.Length).Any(t => flags[t]));
        return new DetectionScore(tp, fp, fn, events.Count == 0 ? 1 : (double)hit / events.Count);
    }
}
