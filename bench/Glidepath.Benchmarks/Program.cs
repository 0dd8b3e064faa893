using System.Globalization;
using BenchmarkDotNet.Running;
using Glidepath.Benchmarks.Import;

// dotnet run -c Release --project bench/Glidepath.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000
if (args is ["import-once", var rows])
{
    await ImportOnce.RunAsync(int.Parse(rows, CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
