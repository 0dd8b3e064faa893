using System.Globalization;
using BenchmarkDotNet.Running;
using Glidepath.Benchmarks.Analytics;
using Glidepath.Benchmarks.Anomalies;
using Glidepath.Benchmarks.Categories;
using Glidepath.Benchmarks.Import;
using Glidepath.Benchmarks.Ledger;
using Glidepath.Benchmarks.MarketData;
using Glidepath.Benchmarks.Rebalancing;
using Glidepath.Benchmarks.Webhooks;
using Glidepath.Infrastructure.Persistence;

// dotnet run -c Release --project bench/Glidepath.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000 postgres
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000 walk
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- replay-once 100000 [walk]
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000 book [repeat=3]
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- replay-once 100000 book
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- analytics-times 20
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- rebalance-times 20
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- refresh-once 500 [postgres]
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- webhooks-once 10000 [postgres]
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- anomalies-eval /work/shared/data 1,2,3,4,5 [mad-threshold=5] [mad-window=30] [mad-level=5] [mad-level-threshold=4.5] [mad-asymmetric] [mad-fill] [mad-level-mean] [no-lstm]
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- anomalies-grid /work/shared/data 1,2,3,4,5
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- anomalies-time 3
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- anomalies-example examples/data/spending_daily_synthetic.csv
// "walk" after the row count: prices follow a random walk per symbol (SyntheticPrices.RandomWalk).
// "book" after the row count: the realistic large book (SyntheticBookCsv) instead of the dense file.
var prices = args.Contains("walk") ? SyntheticPrices.RandomWalk : SyntheticPrices.Uniform;
var profile = args.Contains("book") ? SyntheticProfile.Book : SyntheticProfile.Dense;
if (args is ["import-once", var rows, ..])
{
    var provider = args.Contains("postgres") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
    var repeat = args.FirstOrDefault(a => a.StartsWith("repeat=", StringComparison.Ordinal)) is { } r ? int.Parse(r["repeat=".Length..], CultureInfo.InvariantCulture) : 1;
    await ImportOnce.RunAsync(int.Parse(rows, CultureInfo.InvariantCulture), provider, prices, profile, repeat);
    return;
}

// A synthetic 10-year OFX bank statement (SyntheticStatementOfx, seed 42): write it, e.g. to time `glidepath import statement` on it.
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- write-ofx 20000 /tmp/statement-20000.ofx
if (args is ["write-ofx", var ofxRows, var ofxPath])
{
    await using var ofx = new StreamWriter(ofxPath);
    SyntheticStatementOfx.Write(ofx, int.Parse(ofxRows, CultureInfo.InvariantCulture), seed: 42);
    return;
}

// Writes the synthetic file itself, e.g. to time the CLI on it (bench/README.md):
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- write-csv 100000 book /tmp/book-100000.csv
if (args is ["write-csv", var csvRows, .., var csvPath])
{
    await using var csv = new StreamWriter(csvPath);
    SyntheticBookCsv.Write(csv, int.Parse(csvRows, CultureInfo.InvariantCulture), seed: 42, profile, prices);
    return;
}

if (args is ["replay-once", var replayRows, ..])
{
    ReplayOnce.Run(int.Parse(replayRows, CultureInfo.InvariantCulture), prices, profile);
    return;
}

if (args is ["refresh-once", var refreshSymbols, ..])
{
    await RefreshOnce.RunAsync(int.Parse(refreshSymbols, CultureInfo.InvariantCulture), args.Contains("postgres") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
    return;
}

if (args is ["webhooks-once", var webhookEvents, ..])
{
    await WebhooksOnce.RunAsync(int.Parse(webhookEvents, CultureInfo.InvariantCulture), args.Contains("postgres") ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
    return;
}

if (args is ["analytics-times", var repeats])
{
    AnalyticsTimes.Run(int.Parse(repeats, CultureInfo.InvariantCulture));
    return;
}

if (args is ["anomalies-eval", var dataFolder, var seedList, ..])
{
    // Optional: mad-threshold=X, mad-window=N, mad-level=K, mad-level-threshold=X, mad-asymmetric, mad-fill, mad-level-mean (any
    // mad-… setting: those settings on every set; none: RollingMadOptions.ForReturns / ForSpending by kind, with the one-size
    // defaults beside them), no-lstm (the MAD alone).
    double Setting(string name, double fallback) =>
        args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal)) is { } v ? double.Parse(v[(name.Length + 1)..], CultureInfo.InvariantCulture) : fallback;
    var defaults = new Glidepath.Quant.Anomalies.RollingMadOptions();
    var madOptions = args.Any(a => a.StartsWith("mad-", StringComparison.Ordinal))
        ? defaults with
        {
            Window = (int)Setting("mad-window", defaults.Window),
            Threshold = Setting("mad-threshold", defaults.Threshold),
            LevelWindow = (int)Setting("mad-level", defaults.LevelWindow),
            LevelThreshold = args.Any(a => a.StartsWith("mad-level-threshold=", StringComparison.Ordinal)) ? Setting("mad-level-threshold", 0) : defaults.LevelThreshold,
            Asymmetric = args.Contains("mad-asymmetric"),
            FillShiftGaps = args.Contains("mad-fill"),
            LevelMean = args.Contains("mad-level-mean"),
        }
        : null;
    AnomalyEvaluation.Run(dataFolder, [.. seedList.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))], madOptions, !args.Contains("no-lstm"));
    return;
}

// The categoriser on the generated labelled set (bench/README.md, "Issue 22: the categoriser"):
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- categoriser-eval 20000 1,2,3
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- categoriser-time 100000 5
if (args is ["categoriser-eval", var evalRows, var evalSeeds])
{
    CategoriserBench.Evaluate(int.Parse(evalRows, CultureInfo.InvariantCulture), [.. evalSeeds.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]);
    return;
}

if (args is ["categoriser-time", var timeRows, var categoriserRepeats])
{
    CategoriserBench.Time(int.Parse(timeRows, CultureInfo.InvariantCulture), int.Parse(categoriserRepeats, CultureInfo.InvariantCulture));
    return;
}

if (args is ["anomalies-grid", var gridData, var gridSeeds])
{
    AnomalyEvaluation.Grid(gridData, [.. gridSeeds.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]);
    return;
}

if (args is ["anomalies-time", var timeRepeats])
{
    AnomalyEvaluation.Time(int.Parse(timeRepeats, CultureInfo.InvariantCulture));
    return;
}

if (args is ["anomalies-example", var examplePath])
{
    AnomalyEvaluation.WriteSpending(examplePath, days: 730, seed: 7, injectSeed: 7);
    return;
}

if (args is ["rebalance-times", var rebalanceRepeats])
{
    RebalancingTimes.Run(int.Parse(rebalanceRepeats, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
