namespace Glidepath.Ml.Categories;

/// <summary>
/// Accuracy and macro-F1 of predicted against true labels (docs/categoriser.md, "Metrics"). Accuracy is the share of rows
/// predicted right. For each class c that occurs among the true or the predicted labels, precision = TP/(TP+FP) and
/// recall = TP/(TP+FN) (0 when the denominator is 0) and F1 = 2·P·R/(P+R) (0 when P+R = 0); macro-F1 is the unweighted
/// mean of the classes' F1, so a rare category counts as much as a common one.
/// </summary>
public sealed record ClassificationScore(int Rows, double Accuracy, double MacroF1, int Classes)
{
    public static ClassificationScore Of(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("As many predictions as true labels are needed.", nameof(predicted));
        }

        if (truth.Count == 0)
        {
            return new ClassificationScore(0, 0, 0, 0);
        }

        var tp = new Dictionary<string, int>(StringComparer.Ordinal);
        var fp = new Dictionary<string, int>(StringComparer.Ordinal);
        var fn = new Dictionary<string, int>(StringComparer.Ordinal);
        var right = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var (t, p) = (truth[i], predicted[i]);
            tp.TryAdd(t, 0);
            tp.TryAdd(p, 0);
            if (string.Equals(t, p, StringComparison.Ordinal))
            {
                right++;
                tp[t]++;
            }
            else
            {
                fp[p] = fp.GetValueOrDefault(p) + 1;
                fn[t] = fn.GetValueOrDefault(t) + 1;
            }
        }

        var f1 = 0.0;
        foreach (var (c, hits) in tp)
        {
            var precisionBase = hits + fp.GetValueOrDefault(c);
            var recallBase = hits + fn.GetValueOrDefault(c);
            var precision = precisionBase == 0 ? 0 : (double)hits / precisionBase;
            var recall = recallBase == 0 ? 0 : (double)hits / recallBase;
            f1 += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        return new ClassificationScore(truth.Count, (double)right / truth.Count, f1 / tp.Count, tp.Count);
    }
}

/// <summary>Training on one part of a labelled set and scoring the held-out rest (docs/categoriser.md, "Metrics").</summary>
public static class CategoriserEvaluation
{
    /// <summary>
    /// Every <paramref name="holdOutEvery"/>-th row (the 5th, 10th, … with the default 5: 20 %) is held out, in the order
    /// given; the model is trained on the others and scored on those.
    /// </summary>
    public static (CategoriserModel Model, ClassificationScore Score) TrainAndEvaluate(IReadOnlyList<LabelledRow> rows, int holdOutEvery = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(holdOutEvery, 2);
        var (train, test) = Split(rows, holdOutEvery);
        var model = CategoriserModel.Train(train, seed);
        return (model, Score(model, test));
    }

    public static (List<LabelledRow> Train, List<LabelledRow> Test) Split(IReadOnlyList<LabelledRow> rows, int holdOutEvery)
    {
        ArgumentNullException.ThrowIfNull(rows);
        List<LabelledRow> train = [];
        List<LabelledRow> test = [];
        for (var i = 0; i < rows.Count; i++)
        {
            ((i + 1) % holdOutEvery == 0 ? test : train).Add(rows[i]);
        }

        return (train, test);
    }

    public static ClassificationScore Score(CategoriserModel model, IReadOnlyList<LabelledRow> test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        var predicted = model.Predict([.. test.Select(r => r.Row)]);
        return ClassificationScore.Of([.. test.Select(r => r.Label)], [.. predicted.Select(p => p.Label)]);
    }
}
