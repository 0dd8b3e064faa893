using System.Diagnostics;
using System.Globalization;
using Glidepath.Ml.Categories;

namespace Glidepath.Benchmarks.Categories;

/// <summary>
/// The categoriser's accuracy and speed (bench/README.md, "Issue 22: the categoriser"), on the GENERATED labelled set
/// (<see cref="GeneratedLabelledSet"/>: invented merchants, seeded; no real household's data).
/// </summary>
public static class CategoriserBench
{
    /// <summary>
    /// For each seed: <paramref name="rows"/> generated rows, every fifth held out (the product's split), trained on the rest,
    /// accuracy and macro-F1 on the held-out ones; also the majority-class baseline.
    /// </summary>
    public static void Evaluate(int rows, IReadOnlyList<int> seeds)
    {
        Console.WriteLine("seed,rows,train,held_out,classes,accuracy,macro_f1,majority_accuracy,train_seconds");
        foreach (var seed in seeds)
        {
            var set = GeneratedLabelledSet.Generate(rows, seed);
            var (train, test) = CategoriserEvaluation.Split(set, 5);
            var watch = Stopwatch.StartNew();
            var model = CategoriserModel.Train(train);
            var seconds = watch.Elapsed.TotalSeconds;
            var score = CategoriserEvaluation.Score(model, test);
            var majority = test.GroupBy(r => r.Label).Max(g => g.Count()) / (double)test.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{seed},{rows},{train.Count},{test.Count},{score.Classes},{score.Accuracy:0.0000},{score.MacroF1:0.0000},{majority:0.0000},{seconds:0.00}"));
        }
    }

    /// <summary>Trains on 5,000 generated rows (seed 1), then categorises <paramref name="rows"/> other rows (seed 2) <paramref name="repeats"/> times.</summary>
    public static void Time(int rows, int repeats)
    {
        var model = CategoriserModel.Train(GeneratedLabelledSet.Generate(5000, seed: 1));
        var probe = GeneratedLabelledSet.Generate(rows, seed: 2).Select(r => r.Row).ToList();
        var loaded = CategoriserModel.Load(model.Save());   // as the server uses it: loaded from the stored bytes
        Console.WriteLine("repeat,rows,seconds,rows_per_second");
        for (var i = 1; i <= repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            var predictions = loaded.Predict(probe);
            var seconds = watch.Elapsed.TotalSeconds;
            if (predictions.Count != rows)
            {
                throw new InvalidOperationException("Not every row was categorised.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i},{rows},{seconds:0.000},{rows / seconds:0}"));
        }
    }
}
