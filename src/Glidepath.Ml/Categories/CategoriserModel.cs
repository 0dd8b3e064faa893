using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Glidepath.Ml.Categories;

/// <summary>One transaction as the categoriser sees it (docs/categoriser.md, "Features").</summary>
/// <param name="Payee">The payee (set by hand or a rule, else normalised from the memo).</param>
/// <param name="Memo">The memo as the bank wrote it.</param>
/// <param name="Amount">The signed cash amount (negative: money out).</param>
/// <param name="DayOfMonth">1–31, the trade date's day of the month.</param>
/// <param name="AccountType">The account's type (Checking, CreditCard, …).</param>
public sealed record CategoriserRow(string Payee, string Memo, double Amount, int DayOfMonth, string AccountType);

/// <summary>A row with the category it carries (a category id, or a path in the generated set).</summary>
public sealed record LabelledRow(CategoriserRow Row, string Label);

/// <summary>The most probable label of a row and its probability (the softmax of the maximum-entropy model).</summary>
public readonly record struct CategoryPrediction(string Label, double Confidence);

/// <summary>
/// The categoriser that learns (docs/categoriser.md): an ML.NET multiclass maximum-entropy model (SDCA, one thread, seeded,
/// so the same rows give the same model) over the text of the payee (word uni- and bigrams and character trigrams) and of
/// the memo (word uni- and bigrams), each L2-normalised, the direction and size of the amount (sign, log₁₀(1 + |amount|) and its whole-number
/// bucket), the day of the month and the account type (one-hot). A model is trained per household on its own categorised
/// rows; <see cref="Save"/> and <see cref="Load"/> give the bytes that are stored.
/// </summary>
public sealed class CategoriserModel
{
    /// <summary>Bumped when the features or the trainer change: a stored model of another version is retrained, never read.</summary>
    public const int FormatVersion = 1;

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly string[] labels;

    private CategoriserModel(MLContext ml, ITransformer model, string[] labels)
    {
        this.ml = ml;
        this.model = model;
        this.labels = labels;
    }

    /// <summary>The labels the model knows, in the order of its scores.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>Trains on <paramref name="rows"/> (at least two distinct labels).</summary>
    public static CategoriserModel Train(IReadOnlyList<LabelledRow> rows, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new ArgumentException("The categoriser needs rows of at least two categories.", nameof(rows));
        }

        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => Input.Of(r.Row, r.Label)));
        var text = new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.NormFunction.L2,
        };
        // The memo's words only: its character trigrams add little to the payee's and cost most of the prediction time.
        var memo = new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            Norm = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("PayeeFeatures", text, nameof(Input.Payee)))
            .Append(ml.Transforms.Text.FeaturizeText("MemoFeatures", memo, nameof(Input.Memo)))
            .Append(ml.Transforms.Categorical.OneHotEncoding(
            [
                new InputOutputColumnPair("DayFeatures", nameof(Input.Day)),
                new InputOutputColumnPair("AccountFeatures", nameof(Input.Account)),
                new InputOutputColumnPair("BucketFeatures", nameof(Input.Bucket)),
            ]))
            .Append(ml.Transforms.Concatenate("Features", "PayeeFeatures", "MemoFeatures", "DayFeatures", "AccountFeatures", "BucketFeatures", nameof(Input.Numbers)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 30,
            }));
        var model = pipeline.Fit(data);
        return new CategoriserModel(ml, model, LabelsOf(model, ml, data.Schema));
    }

    /// <summary>The model as bytes (ML.NET's zip format), to store.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, InputSchema(ml), stream);
        return stream.ToArray();
    }

    /// <summary>A model from <see cref="Save"/>'s bytes.</summary>
    public static CategoriserModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext(1);
        using var stream = new MemoryStream(bytes, writable: false);
        var model = ml.Model.Load(stream, out var schema);
        return new CategoriserModel(ml, model, LabelsOf(model, ml, schema));
    }

    /// <summary>Rows per chunk when <see cref="Predict"/> spreads a large batch over the cores.</summary>
    private const int Chunk = 8192;

    /// <summary>
    /// The most probable label of each row and its probability, in the rows' order. Thread-safe; a batch of more than
    /// 8,192 rows is scored in chunks on all cores (the fitted pipeline is read-only, each chunk has its own cursor).
    /// </summary>
    public IReadOnlyList<CategoryPrediction> Predict(IReadOnlyList<CategoriserRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count <= Chunk)
        {
            return PredictChunk(rows, 0, rows.Count);
        }

        var chunks = new List<CategoryPrediction>[(rows.Count + Chunk - 1) / Chunk];
        Parallel.For(0, chunks.Length, i => chunks[i] = PredictChunk(rows, i * Chunk, Math.Min(Chunk, rows.Count - (i * Chunk))));
        return [.. chunks.SelectMany(c => c)];
    }

    private List<CategoryPrediction> PredictChunk(IReadOnlyList<CategoriserRow> rows, int start, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var scored = model.Transform(ml.Data.LoadFromEnumerable(Enumerable.Range(start, count).Select(i => Input.Of(rows[i], ""))));
        var result = new List<CategoryPrediction>(count);
        using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        VBuffer<float> scores = default;
        while (cursor.MoveNext())
        {
            getter(ref scores);
            var values = scores.DenseValues();
            var best = -1;
            var bestScore = float.NegativeInfinity;
            var i = 0;
            foreach (var s in values)
            {
                if (s > bestScore)
                {
                    bestScore = s;
                    best = i;
                }

                i++;
            }

            result.Add(new CategoryPrediction(labels[best], bestScore));
        }

        return result;
    }

    private static string[] LabelsOf(ITransformer model, MLContext ml, DataViewSchema input)
    {
        var output = model.GetOutputSchema(input);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output["Score"].GetSlotNames(ref names);
        _ = ml;
        return [.. names.DenseValues().Select(n => n.ToString())];
    }

    private static DataViewSchema InputSchema(MLContext ml) => ml.Data.LoadFromEnumerable(Array.Empty<Input>()).Schema;

    /// <summary>ML.NET's input row: the raw fields and the derived categorical and numeric ones.</summary>
    private sealed class Input
    {
        public string Label { get; set; } = "";

        public string Payee { get; set; } = "";

        public string Memo { get; set; } = "";

        /// <summary>"d1" … "d31".</summary>
        public string Day { get; set; } = "";

        public string Account { get; set; } = "";

        /// <summary>Direction and whole-number log₁₀ bucket of the amount: "out2" is a payment of 100–999.99.</summary>
        public string Bucket { get; set; } = "";

        /// <summary>The sign (−1, 0, 1) and log₁₀(1 + |amount|).</summary>
        [VectorType(2)]
        public float[] Numbers { get; set; } = [0, 0];

        public static Input Of(CategoriserRow row, string label)
        {
            var size = Math.Log10(1 + Math.Abs(row.Amount));
            var direction = row.Amount < 0 ? "out" : "in";
            return new Input
            {
                Label = label,
                Payee = row.Payee ?? "",
                Memo = row.Memo ?? "",
                Day = "d" + Math.Clamp(row.DayOfMonth, 1, 31).ToString(CultureInfo.InvariantCulture),
                Account = row.AccountType ?? "",
                Bucket = direction + ((int)Math.Floor(size)).ToString(CultureInfo.InvariantCulture),
                Numbers = [Math.Sign(row.Amount), (float)size],
            };
        }
    }
}
