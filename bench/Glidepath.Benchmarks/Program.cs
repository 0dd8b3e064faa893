using System.Globalization;
using BenchmarkDotNet.Running;
using Glidepath.Benchmarks.Import;
using Glidepath.Infrastructure.Persistence;

// dotnet run -c Release --project bench/Glidepath.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000
// dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000 postgres
if (args is ["import-once", var rows, ..])
{
    var provider = args is [_, _, "postgres"] ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
    await ImportOnce.RunAsync(int.Parse(rows, CultureInfo.InvariantCulture), provider);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
