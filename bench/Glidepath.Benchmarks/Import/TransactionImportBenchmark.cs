using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Glidepath.Infrastructure.Import;

namespace Glidepath.Benchmarks.Import;

/// <summary>
/// Import of a synthetic, seeded generic-layout transaction CSV into a fresh SQLite database:
/// parse, validate, de-duplicate, batched inserts, ledger replay and cache write, all in one
/// database transaction. Target (issue 2): 100,000 rows under 5 s, memory flat in the file size.
/// Two sizes show how allocation and time scale with the file.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TransactionImportBenchmark
{
    private string _csvPath = "";
    private ImportBenchmarkDatabase? _database;

    [Params(25_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void WriteFile()
    {
        _csvPath = Path.Combine(Path.GetTempPath(), $"glidepath-bench-{Rows}.csv");
        using var writer = new StreamWriter(_csvPath);
        SyntheticTransactionCsv.Write(writer, Rows, seed: 42);
    }

    [IterationSetup]
    public void FreshDatabase() => _database = ImportBenchmarkDatabase.CreateAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<ImportResult> ImportTransactions()
    {
        var result = await _database!.ImportAsync(_csvPath);
        return result.Imported == Rows ? result : throw new InvalidOperationException($"Imported {result.Imported} of {Rows}: {string.Join("; ", result.Errors.Take(3))}");
    }

    [IterationCleanup]
    public void DropDatabase() => _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void DeleteFile() => File.Delete(_csvPath);
}
