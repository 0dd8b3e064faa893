using System.Globalization;
using BenchmarkDotNet.Running;
using Glidepath.Benchmarks.Analytics;
using Glidepath.Benchmarks.Import;

// dotnet run -c Release --project bench/Glidepath.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- analytics-times 20
if (args is ["import-once", var rows])
{
    await ImportOnce.RunAsync(int.Parse(rows, CultureInfo.InvariantCulture));
    return;
}

if (args is ["analytics-times", var repeats])
{
    AnalyticsTimes.Run(int.Parse(repeats, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
