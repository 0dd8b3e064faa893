using System.Diagnostics;
using System.Globalization;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Benchmarks.Import;

/// <summary>
/// One import outside BenchmarkDotNet, printing what BenchmarkDotNet does not: the process's
/// peak working set and CPU time. A 1,000-row import first warms the JIT, as in a running server.
/// Run it at two sizes to see memory against file size:
///   dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000 [book]
/// ("book": <see cref="SyntheticBookCsv"/>, the realistic profile; without it the dense file.)
/// With "postgres" after the row count it imports into a fresh database on the server named by
/// GLIDEPATH_TEST_POSTGRES (scripts/lib/postgres.sh starts a throwaway one).
/// </summary>
public static class ImportOnce
{
    public static async Task RunAsync(int rows, DatabaseProvider provider = DatabaseProvider.Sqlite, SyntheticPrices prices = SyntheticPrices.Uniform, SyntheticProfile profile = SyntheticProfile.Dense)
    {
        await ImportAsync(1_000, provider, prices, profile, print: false);
        await ImportAsync(rows, provider, prices, profile, print: true);
    }

    private static async Task ImportAsync(int rows, DatabaseProvider provider, SyntheticPrices prices, SyntheticProfile profile, bool print)
    {
        var path = Path.Combine(Path.GetTempPath(), $"glidepath-import-once-{rows}-{profile}-{prices}.csv");
        await using (var writer = new StreamWriter(path))
        {
            SyntheticBookCsv.Write(writer, rows, seed: 42, profile, prices);
        }

        await using var database = await ImportBenchmarkDatabase.CreateAsync(provider);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await database.ImportAsync(path);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        if (print)
        {
            var (gains, washSales, lots) = await database.CountResultAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"provider={provider} profile={profile} prices={(profile == SyntheticProfile.Book ? "walk" : prices)} rows={rows} file={new FileInfo(path).Length / 1024} KiB imported={result.Imported} errors={result.Errors.Count} "
            + $"elapsed={clock.Elapsed.TotalSeconds:F2} s cpu={cpu.TotalSeconds:F2} s allocated={allocated / 1048576.0:F0} MiB peak-working-set={process.PeakWorkingSet64 / 1048576.0:F0} MiB "
            + $"lots={lots} gains={gains} washSaleAdjustments={washSales}"));
        }

        File.Delete(path);
    }
}
