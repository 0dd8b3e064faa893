using System.Diagnostics;
using System.Globalization;
using Glidepath.Ml.Anomalies;
using Glidepath.Quant.Anomalies;

namespace Glidepath.Benchmarks.Anomalies;

/// <summary>
/// The anomaly evaluation of docs/anomalies.md and bench/README.md "Anomaly detection": anomalies
/// injected (AnomalyInjection, one seed per run) into two real return series from shared/data and into
/// ten years of seeded synthetic spending, then precision and recall of the rolling-MAD baseline and the
/// LSTM autoencoder, each with its default settings, and the LSTM's training time.
/// </summary>
internal static class AnomalyEvaluation
{
    /// <param name="mad">The MAD's settings for every set; null: <see cref="RollingMadOptions.ForReturns"/> on the returns and
    /// <see cref="RollingMadOptions.ForSpending"/> on spending, with the one-size defaults (<c>new RollingMadOptions()</c>) beside
    /// them as "MAD (one size)".</param>
    public static void Run(string dataFolder, int[] seeds, RollingMadOptions? mad, bool withLstm)
    {
        var spending = SyntheticSpending.Generate(new DateOnly(2015, 1, 1), 3653, seed: 2026);
        var sets = new List<(string Name, double[] Series, double[][]? Purchases)>
        {
            ("S&P 500 daily returns 1990-1999 (MASS::SP500, %)", ReadColumn(Path.Combine(dataFolder, "sp500_daily_returns_1990_1999_pct.csv")), null),
            ("NYSE Composite daily log returns 1996-2005 (AER::NYSESW)", NyseReturns(Path.Combine(dataFolder, "nyse_composite_daily_1990_2005.csv")), null),
            ("Synthetic daily spending, 10 years (SyntheticSpending seed 2026)", spending.Totals, spending.Purchases),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));
        foreach (var (name, series, purchases) in sets)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {name}: {series.Length} points"));
            Console.WriteLine("| seed | method | flagged | precision | recall | event recall | spike | level shift | duplicated | train s |");
            Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var totals = new Dictionary<string, (int Tp, int Fp, int Fn)>();
            foreach (var seed in seeds)
            {
                var truth = purchases is null
                    ? AnomalyInjection.Inject(series, seed, spikes: 15, levelShifts: 5)
                    : AnomalyInjection.Inject(series, seed, spikes: 15, levelShifts: 5, purchases, duplicatedCharges: 10);
                var kindDefaults = purchases is null ? RollingMadOptions.ForReturns : RollingMadOptions.ForSpending;
                if (mad is null)
                {
                    var oneSize = RollingMad.Score(truth.Values, new RollingMadOptions());
                    Report(seed, "MAD (one size)", oneSize.Flags, truth, null, totals);
                    if (truth.Purchases is { } p)
                    {
                        Report(seed, "MAD (one size) + duplicates", [.. oneSize.Flags.Zip(DuplicateCharges.FlagDays(p, spending.Dates[0]), (a, b) => a || b)], truth, null, totals);
                    }
                }

                var madScores = RollingMad.Score(truth.Values, mad ?? kindDefaults);
                Report(seed, mad is null ? (purchases is null ? "MAD (returns)" : "MAD (spending)") : "MAD", madScores.Flags, truth, null, totals);
                if (truth.Purchases is { } withDuplicates)
                {
                    // Spending: the MAD on the daily totals, and the duplicate check on the day's purchases.
                    var duplicates = DuplicateCharges.FlagDays(withDuplicates, spending.Dates[0]);
                    Report(seed, mad is null ? "MAD (spending) + duplicates" : "MAD + duplicates", [.. madScores.Flags.Zip(duplicates, (a, b) => a || b)], truth, null, totals);
                }

                if (!withLstm)
                {
                    continue;
                }

                var clock = Stopwatch.StartNew();
                var lstm = LstmAnomalyDetector.TrainAndScore(truth.Values);
                Report(seed, "LSTM", lstm.Flags, truth, clock.Elapsed.TotalSeconds, totals);
            }

            foreach (var (method, (tp, fp, fn)) in totals)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| all | {method} | {tp + fp} | {(double)tp / Math.Max(1, tp + fp):0.000} | {(double)tp / Math.Max(1, tp + fn):0.000} | | | | | |"));
            }
        }
    }

    /// <summary>
    /// The MAD's settings grid on the given seeds (bench/README.md, issue 17, 2026-12-07; run it on the choosing seeds 1–5
    /// only): W = 60, median or winsorized-mean level statistic, k ∈ {5, 7, 10}, point threshold ∈ {5.5, 6, 6.5, 7}, level
    /// threshold ∈ {4, 4.5, 5, 5.5, 6}, one or two-sided scale, filled shifts or not (480 settings). For each, precision and
    /// recall pooled over the seeds on each set (on spending with the duplicate check), one line a setting ("60mean" marks
    /// the winsorized mean).
    /// </summary>
    public static void Grid(string dataFolder, int[] seeds)
    {
        var spending = SyntheticSpending.Generate(new DateOnly(2015, 1, 1), 3653, seed: 2026);
        var sp500 = ReadColumn(Path.Combine(dataFolder, "sp500_daily_returns_1990_1999_pct.csv"));
        var nyse = NyseReturns(Path.Combine(dataFolder, "nyse_composite_daily_1990_2005.csv"));
        var truths = new[]
        {
            seeds.Select(s => AnomalyInjection.Inject(sp500, s, spikes: 15, levelShifts: 5)).ToArray(),
            seeds.Select(s => AnomalyInjection.Inject(nyse, s, spikes: 15, levelShifts: 5)).ToArray(),
            seeds.Select(s => AnomalyInjection.Inject(spending.Totals, s, spikes: 15, levelShifts: 5, spending.Purchases, duplicatedCharges: 10)).ToArray(),
        };
        var duplicates = truths[2].Select(t => DuplicateCharges.FlagDays(t.Purchases!, spending.Dates[0])).ToArray();
        Console.WriteLine("window level threshold level-threshold asymmetric fill | S&P P R | NYSE P R | spending P R");
        foreach (var (window, mean) in new[] { (60, false), (60, true) })
        {
            foreach (var level in new[] { 5, 7, 10 })
            {
                foreach (var threshold in new[] { 5.5, 6.0, 6.5, 7.0 })
                {
                    foreach (var levelThreshold in new[] { 4.0, 4.5, 5.0, 5.5, 6.0 })
                    {
                        foreach (var asymmetric in new[] { false, true })
                        {
                            foreach (var fill in new[] { false, true })
                            {
                                var options = new RollingMadOptions(window, threshold, LevelWindow: level, LevelThreshold: levelThreshold, Asymmetric: asymmetric, FillShiftGaps: fill, LevelMean: mean);
                                var line = string.Create(CultureInfo.InvariantCulture, $"{window}{(mean ? "mean" : "")} {level} {threshold} {levelThreshold} {asymmetric} {fill}");
                                for (var set = 0; set < 3; set++)
                                {
                                    int tp = 0, fp = 0, fn = 0;
                                    for (var i = 0; i < seeds.Length; i++)
                                    {
                                        var flags = RollingMad.Score(truths[set][i].Values, options).Flags;
                                        if (set == 2)
                                        {
                                            flags = [.. flags.Zip(duplicates[i], (a, b) => a || b)];
                                        }

                                        var score = DetectionScore.Evaluate(flags, truths[set][i]);
                                        (tp, fp, fn) = (tp + score.TruePositives, fp + score.FalsePositives, fn + score.FalseNegatives);
                                    }

                                    line += string.Create(CultureInfo.InvariantCulture, $" | {(double)tp / Math.Max(1, tp + fp):0.000} {(double)tp / Math.Max(1, tp + fn):0.000}");
                                }

                                Console.WriteLine(line);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void Report(int seed, string method, bool[] flags, LabelledSeries truth, double? seconds, Dictionary<string, (int, int, int)> totals)
    {
        var all = DetectionScore.Evaluate(flags, truth);
        string Kind(AnomalyKind kind) => truth.Anomalies.Any(a => a.Kind == kind)
            ? DetectionScore.Evaluate(flags, truth, kind).Recall.ToString("0.00", CultureInfo.InvariantCulture)
            : "-";
        var (tp, fp, fn) = totals.GetValueOrDefault(method);
        totals[method] = (tp + all.TruePositives, fp + all.FalsePositives, fn + all.FalseNegatives);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {seed} | {method} | {flags.Count(f => f)} | {all.Precision:0.000} | {all.Recall:0.000} | {all.EventRecall:0.000} | {Kind(AnomalyKind.Spike)} | {Kind(AnomalyKind.LevelShift)} | {Kind(AnomalyKind.DuplicatedCharge)} | {(seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "")} |"));
    }

    private static double[] ReadColumn(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture))];

    /// <summary>ln(Pₜ / Pₜ₋₁) of the closes dated 1996-01-01 to 2005-12-31 (the file ends 2005-11-11).</summary>
    private static double[] NyseReturns(string path)
    {
        var closes = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(f => string.CompareOrdinal(f[0], "1995-12-29") >= 0)
            .Select(f => double.Parse(f[1], CultureInfo.InvariantCulture)).ToArray();
        return [.. Enumerable.Range(1, closes.Length - 1).Select(i => Math.Log(closes[i] / closes[i - 1]))];
    }

    /// <summary>
    /// Training time of the LSTM (defaults) on a 10-year daily series (3,653 days of synthetic spending),
    /// <paramref name="repeats"/> times after one warm-up: wall-clock and this process's CPU time.
    /// </summary>
    public static void Time(int repeats)
    {
        var series = SyntheticSpending.Generate(new DateOnly(2015, 1, 1), 3653, seed: 2026).Totals;
        LstmAnomalyDetector.TrainAndScore(series.AsSpan(0, 400), new LstmDetectorOptions(Epochs: 1));
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = LstmAnomalyDetector.TrainAndScore(series);
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: {series.Length} points, wall {clock.Elapsed.TotalSeconds:0.0} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.0} s, {result.Flags.Count(f => f)} flagged, threads {TorchSharp.torch.get_num_threads()}"));
        }
    }

    /// <summary>Writes the synthetic spending series as Date,Value (examples/data/spending_daily_synthetic.csv).</summary>
    public static void WriteSpending(string path, int days, int seed, int injectSeed)
    {
        var spending = SyntheticSpending.Generate(new DateOnly(2024, 1, 1), days, seed);
        var truth = AnomalyInjection.Inject(spending.Totals, injectSeed, spikes: 3, levelShifts: 1, spending.Purchases, duplicatedCharges: 2);
        using var writer = new StreamWriter(path);
        writer.NewLine = "\n";
        writer.WriteLine("Date,Value");
        for (var i = 0; i < days; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spending.Dates[i]:yyyy-MM-dd},{truth.Values[i]:0.00}"));
        }

        foreach (var a in truth.Anomalies)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Kind} {spending.Dates[a.Start]:yyyy-MM-dd} length {a.Length}"));
        }
    }
}
