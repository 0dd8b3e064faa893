using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Benchmarks.Import;

/// <summary>
/// Timed imports outside BenchmarkDotNet, printing what BenchmarkDotNet does not: the process's
/// peak working set and CPU time. As in a running server, where an import arrives after start-up:
/// the files are written and the databases created and migrated first, a 1,000-row import warms the
/// JIT, and the clock starts once the runtime has stopped compiling (<see cref="SettleAsync"/>), so
/// the migrations' tier-up does not run in the background of the measured import. Each measured
/// import goes into a fresh database.
///   dotnet run -c Release --project bench/Glidepath.Benchmarks -- import-once 100000 [book] [repeat=3]
/// ("book": <see cref="SyntheticBookCsv"/>, the realistic profile; without it the dense file.
/// repeat=N: N measured imports in the one process, the first after the warm-up, the rest warm.)
/// Run it at two sizes to see memory against file size. With "postgres" after the row count it
/// imports into fresh databases on the server named by GLIDEPATH_TEST_POSTGRES
/// (scripts/lib/postgres.sh starts a throwaway one).
/// </summary>
public static class ImportOnce
{
    private const int WarmUpRows = 1_000;

    public static async Task RunAsync(
        int rows, DatabaseProvider provider = DatabaseProvider.Sqlite, SyntheticPrices prices = SyntheticPrices.Uniform,
        SyntheticProfile profile = SyntheticProfile.Dense, int repeat = 1)
    {
        var warmUpFile = WriteFile(WarmUpRows, prices, profile);
        var file = WriteFile(rows, prices, profile);
        try
        {
            var databases = new List<ImportBenchmarkDatabase>();
            for (var i = 0; i <= repeat; i++)
            {
                databases.Add(await ImportBenchmarkDatabase.CreateAsync(provider));
            }

            await databases[0].ImportAsync(warmUpFile);
            for (var i = 1; i <= repeat; i++)
            {
                await SettleAsync();
                await MeasureAsync(databases[i], file, rows, provider, prices, profile);
            }

            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
        finally
        {
            File.Delete(warmUpFile);
            File.Delete(file);
        }
    }

    private static string WriteFile(int rows, SyntheticPrices prices, SyntheticProfile profile)
    {
        var path = Path.Combine(Path.GetTempPath(), $"glidepath-import-once-{rows}-{profile}-{prices}.csv");
        using var writer = new StreamWriter(path);
        SyntheticBookCsv.Write(writer, rows, seed: 42, profile, prices);
        return path;
    }

    /// <summary>
    /// Waits until the JIT has compiled nothing new for half a second (tiered compilation's
    /// background recompiles of what ran before included) and collects garbage, at most 10 s.
    /// </summary>
    private static async Task SettleAsync()
    {
        var clock = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(500);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }

            compiled = now;
        }

        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static async Task MeasureAsync(
        ImportBenchmarkDatabase database, string file, int rows, DatabaseProvider provider, SyntheticPrices prices, SyntheticProfile profile)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        var result = await database.ImportAsync(file);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var (gains, washSales, lots) = await database.CountResultAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"provider={provider} profile={profile} prices={(profile == SyntheticProfile.Book ? "walk" : prices)} rows={rows} file={new FileInfo(file).Length / 1024} KiB imported={result.Imported} errors={result.Errors.Count} "
            + $"elapsed={clock.Elapsed.TotalSeconds:F2} s cpu={cpu.TotalSeconds:F2} s jit={jit.TotalSeconds:F2} s allocated={allocated / 1048576.0:F0} MiB peak-working-set={process.PeakWorkingSet64 / 1048576.0:F0} MiB "
            + $"lots={lots} gains={gains} washSaleAdjustments={washSales}"));
    }
}
