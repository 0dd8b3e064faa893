using System.Collections.Concurrent;
using System.Globalization;
using FsCheck;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Glidepath.Server.Tests.Fuzzing;

/// <summary>
/// Settings, counting and reporting shared by the fuzz tests. <c>GLIDEPATH_FUZZ_SEED</c> replays a
/// run (every failure names its seed); <c>GLIDEPATH_FUZZ_SCALE</c> multiplies the number of inputs
/// (default 1: at least 100,000 in all). Each test writes one summary line to its output and
/// appends it to <c>GLIDEPATH_FUZZ_REPORT</c> when set (scripts/test prints that file).
/// </summary>
public sealed class FuzzRun(string name, ITestOutputHelper output)
{
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private long inputs;

    public static ulong Seed { get; } = ulong.TryParse(Environment.GetEnvironmentVariable("GLIDEPATH_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed)
        ? seed : (ulong)System.Random.Shared.NextInt64(1, long.MaxValue);

    public static double Scale { get; } = double.TryParse(Environment.GetEnvironmentVariable("GLIDEPATH_FUZZ_SCALE"), CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1.0;

    public static int Scaled(int count) => Math.Max(1, (int)(count * Scale));

    /// <summary>A generator stream for one target, reproducible from <see cref="Seed"/> and <paramref name="salt"/>.</summary>
    public static Rnd Random(string salt) => new(Seed ^ (ulong)StableHash(salt));

    public long Inputs => Interlocked.Read(ref inputs);

    public void Count(int status)
    {
        Interlocked.Increment(ref inputs);
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    public void Fail(string what)
    {
        if (failures.Count < 50)
        {
            failures.Enqueue(what);
        }
    }

    /// <summary>Error entries the server logged (an unhandled exception is logged at Error by the exception handler).</summary>
    public void CheckLogs(IEnumerable<Hosting.CapturedLogs.LogEntry> entries)
    {
        // EF logs a failed command before the exception reaches the handler, which answers it (and logs it again when it is a 500).
        // Polly logs a market-data provider's circuit opening: the test host points every provider at a
        // closed port, so a refresh the fuzz sends fails at the provider by design (and is reported, not thrown).
        foreach (var entry in entries.Where(e => e.Level >= LogLevel.Error
            && !e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Category != "Polly").Take(20))
        {
            Fail($"logged {entry.Level} {entry.Category}: {entry.Message} {entry.Exception?.Split('\n')[0]}");
        }
    }

    /// <summary>Writes the summary (always, so the count shows in a passing run) and fails with every finding.</summary>
    public void Report(TimeSpan elapsed)
    {
        var byStatus = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        var line = string.Create(CultureInfo.InvariantCulture, $"fuzz {name}: {Inputs} generated inputs in {elapsed.TotalSeconds:F0} s, seed {Seed} ({byStatus})");
        output.WriteLine(line);
        Console.WriteLine(line);
        if (Environment.GetEnvironmentVariable("GLIDEPATH_FUZZ_REPORT") is { Length: > 0 } report)
        {
            File.AppendAllLines(report, [line]);
        }

        Assert.True(failures.IsEmpty, $"{line}\nReplay with GLIDEPATH_FUZZ_SEED={Seed}.\n" + string.Join("\n", failures));
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
