using Glidepath.Ml.Categories;

namespace Glidepath.Ml.Tests.Categories;

public sealed class CategoriserModelTests
{
    [Fact]
    public void Score_HandWorkedConfusion_GivesAccuracyAndMacroF1()
    {
        // a: TP 1, FP 1, FN 1 -> P = R = 1/2, F1 = 1/2. b: TP 2, FP 1, FN 0 -> P = 2/3, R = 1, F1 = 0.8. c: TP 0 -> F1 = 0.
        var score = ClassificationScore.Of(["a", "a", "b", "b", "c"], ["a", "b", "b", "b", "a"]);

        Assert.Equal(0.6, score.Accuracy, 12);
        Assert.Equal((0.5 + 0.8 + 0) / 3, score.MacroF1, 12);
        Assert.Equal(3, score.Classes);
    }

    [Fact]
    public void Score_AllRight_IsOne_AndAClassOnlyPredictedCounts()
    {
        Assert.Equal(1.0, ClassificationScore.Of(["x", "y"], ["x", "y"]).MacroF1, 12);
        // "z" is never true but predicted once: its F1 is 0, and x's is 2·1·0.5/1.5 = 2/3.
        var score = ClassificationScore.Of(["x", "x"], ["x", "z"]);
        Assert.Equal((2.0 / 3 + 0) / 2, score.MacroF1, 12);
    }

    [Fact]
    public void Generated_SameSeed_SameRows_AndEveryLabelIsADefaultTreePath()
    {
        var a = GeneratedLabelledSet.Generate(300, seed: 7);
        var b = GeneratedLabelledSet.Generate(300, seed: 7);

        Assert.Equal(a, b);
        Assert.NotEqual(a, GeneratedLabelledSet.Generate(300, seed: 8));
        Assert.All(a, r => Assert.Contains(r.Label, GeneratedLabelledSet.Categories));
        Assert.All(a, r => Assert.Contains('/', r.Label));
    }

    [Fact]
    public void TrainAndEvaluate_GeneratedSet_BeatsTheMajorityClassByFar()
    {
        var rows = GeneratedLabelledSet.Generate(4000, seed: 1);
        var (_, score) = CategoriserEvaluation.TrainAndEvaluate(rows);
        var (_, test) = CategoriserEvaluation.Split(rows, 5);
        var majority = test.GroupBy(r => r.Label).Max(g => g.Count()) / (double)test.Count;

        Assert.Equal(800, score.Rows);
        // The set's own noise (3 % random labels, 15 % second categories of two-category merchants) caps accuracy near 0.9.
        Assert.InRange(score.Accuracy, 0.80, 1.0);
        Assert.InRange(score.MacroF1, 0.70, 1.0);
        Assert.True(score.Accuracy > 5 * majority, $"accuracy {score.Accuracy} against the majority class's {majority}");
    }

    [Fact]
    public void SaveAndLoad_GiveTheSamePredictions_AndTrainingIsReproducible()
    {
        var rows = GeneratedLabelledSet.Generate(1500, seed: 2);
        var model = CategoriserModel.Train(rows);
        var again = CategoriserModel.Train(rows);
        var probe = GeneratedLabelledSet.Generate(200, seed: 3).Select(r => r.Row).ToList();

        var loaded = CategoriserModel.Load(model.Save());

        Assert.Equal(model.Predict(probe), loaded.Predict(probe));
        Assert.Equal(model.Predict(probe), again.Predict(probe));
        Assert.All(model.Predict(probe), p => Assert.InRange(p.Confidence, 0.0, 1.0));
    }

    [Fact]
    public void Retrain_After20Corrections_MovesThatPayeesPredictions()
    {
        var rows = GeneratedLabelledSet.Generate(1500, seed: 4);
        var before = CategoriserModel.Train(rows);
        var probe = Enumerable.Range(0, 20).Select(i => GeneratedLabelledSet.RowOf("Bluefin Deli", 100 + i)).ToList();
        Assert.All(before.Predict(probe), p => Assert.NotEqual("Food/Coffee", p.Label));

        // The user re-files 20 of Bluefin Deli's rows as coffee.
        var corrected = 0;
        var relabelled = rows.Select(r => r.Row.Payee.StartsWith("Bluefin Deli", StringComparison.OrdinalIgnoreCase) && corrected++ < 20
            ? r with { Label = "Food/Coffee" } : r).ToList();
        Assert.Equal(20, relabelled.Count(r => r.Label == "Food/Coffee" && r.Row.Payee.StartsWith("Bluefin Deli", StringComparison.OrdinalIgnoreCase)));
        var after = CategoriserModel.Train(relabelled);

        var moved = after.Predict(probe).Count(p => p.Label == "Food/Coffee");
        Assert.True(moved >= 15, $"{moved} of 20 Bluefin Deli rows now predicted as coffee");
    }

    [Fact]
    public void Train_OneLabelOnly_IsRefused() =>
        Assert.Throws<ArgumentException>(() => CategoriserModel.Train([.. GeneratedLabelledSet.Generate(10, 1).Select(r => r with { Label = "x" })]));
}
