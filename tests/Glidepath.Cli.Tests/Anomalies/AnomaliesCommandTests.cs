using System.Text.Json;
using Glidepath.Cli.Tests.Commands;

namespace Glidepath.Cli.Tests.Anomalies;

/// <summary>
/// <c>glidepath anomalies</c> on examples/data/spending_daily_synthetic.csv: two years of seeded synthetic
/// spending into which the benchmark's <c>anomalies-example</c> injected three spikes (2024-04-04,
/// 2024-11-12, 2025-11-29), a seven-day level shift from 2024-12-20 and two duplicated charges
/// (examples/data/README.md). The dates come from the injection, not from a detector's output.
/// </summary>
public sealed class AnomaliesCommandTests
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "examples", "data", "spending_daily_synthetic.csv");
    private static readonly string[] Spikes = ["2024-04-04", "2024-11-12", "2025-11-29"];
    private static readonly string[] Shift = ["2024-12-20", "2024-12-21", "2024-12-22", "2024-12-23", "2024-12-24", "2024-12-25", "2024-12-26"];

    [Fact]
    public async Task Anomalies_MadJson_FlagsTheInjectedSpikesAndShift()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, output, error) = await cli.RunAsync("anomalies", "--input", Example, "--json");

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("mad", doc.RootElement.GetProperty("method").GetString());
        Assert.Equal(730, doc.RootElement.GetProperty("points").GetInt32());
        Assert.Equal(5.5, doc.RootElement.GetProperty("threshold").GetDouble());
        var flagged = doc.RootElement.GetProperty("anomalies").EnumerateArray().ToList();
        var dates = flagged.Select(a => a.GetProperty("date").GetString()!).ToList();
        Assert.All(Spikes, d => Assert.Contains(d, dates));
        Assert.True(Shift.Count(dates.Contains) >= 5, string.Join(",", dates));
        Assert.True(flagged.Count <= 15, $"{flagged.Count} flagged");
        Assert.All(flagged, a => Assert.True(a.GetProperty("score").GetDouble() > 5.5));
        var spike = flagged.Single(a => a.GetProperty("date").GetString() == "2025-11-29");
        Assert.Equal(453.36, spike.GetProperty("value").GetDouble()); // the file's value on that day
    }

    [Fact]
    public async Task Anomalies_KindSpending_UsesSpendingsSettingsAndFlagsTheInjectedShiftAndLargestSpike()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, output, error) = await cli.RunAsync("anomalies", "--input", Example, "--kind", "spending", "--json");

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(6.5, doc.RootElement.GetProperty("threshold").GetDouble()); // RollingMadOptions.ForSpending
        var flagged = doc.RootElement.GetProperty("anomalies").EnumerateArray().ToList();
        var dates = flagged.Select(a => a.GetProperty("date").GetString()!).ToList();
        // The shift and the largest spike (453.36 against a typical day of about 40). Spending's settings judge a rise by the
        // spread above the median, wider than the spread below, and ask 6.5 of a point: fewer false alarms on the big days
        // every household has, at the cost of some smaller spikes (bench/README.md, issue 17, 2026-12-07).
        Assert.Contains("2025-11-29", dates);
        Assert.True(Shift.Count(dates.Contains) >= 5, string.Join(",", dates));
        Assert.True(flagged.Count <= 15, $"{flagged.Count} flagged");
        Assert.All(flagged, a => Assert.True(a.GetProperty("score").GetDouble() > 6.5));

        foreach (var args in new[]
        {
            new[] { "anomalies", "--input", Example, "--kind", "bonds" },
            ["anomalies", "--input", Example, "--kind", "returns", "--method", "lstm"],
            ["anomalies", "--household", Guid.NewGuid().ToString(), "--kind", "spending"],
        })
        {
            var (usageExit, usageOutput, usageError) = await cli.RunAsync(args);
            Assert.Equal(2, usageExit);
            Assert.Equal("", usageOutput);
            Assert.NotEqual("", usageError);
        }
    }

    [Fact]
    public async Task Anomalies_Lstm_PrintsEachFlaggedDateWithItsScore()
    {
        await using var cli = await CliRun.StartAsync();

        var (exit, output, error) = await cli.RunAsync("anomalies", "--input", Example, "--method", "lstm", "--seed", "17");

        Assert.True(exit == 0, error);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("lstm: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" of 730 points flagged", lines[0], StringComparison.Ordinal);
        Assert.All(Spikes, d => Assert.Contains(lines, l => l.StartsWith(d + "  score ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Anomalies_BadInput_OneLineAndExitCode()
    {
        await using var cli = await CliRun.StartAsync();

        foreach (var (content, message) in new[]
        {
            ("Day,Amount\n2024-01-01,1\n", "glidepath: bad.csv: the header must be Date,Value."),
            ("Date,Value\n2024-01-01,1\n2024-01-02,abc\n", "glidepath: bad.csv line 3: 'abc' is not a number."),
            ("Date,Value\n2024-01-02,1\n2024-01-01,2\n", "glidepath: bad.csv line 3: 2024-01-01 is not after 2024-01-02; dates must ascend, one row each."),
            ("Date,Value\n01/02/2024,1\n", "glidepath: bad.csv line 2: '01/02/2024' is not a date (YYYY-MM-DD)."),
            ("Date,Value\n", "glidepath: bad.csv: no rows."),
        })
        {
            var (exit, output, error) = await cli.RunAsync("anomalies", "--input", cli.File("bad.csv", content));
            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Equal(message, error.TrimEnd());
        }

        var shortSeries = cli.File("short.csv", "Date,Value\n" + string.Concat(Enumerable.Range(0, 30).Select(d => $"{new DateOnly(2024, 1, 1).AddDays(d):yyyy-MM-dd},{d % 3}\n")));
        var (lstmExit, _, lstmError) = await cli.RunAsync("anomalies", "--input", shortSeries, "--method", "lstm");
        Assert.Equal(1, lstmExit);
        Assert.Equal("glidepath: The LSTM detector needs at least 40 points (two windows of 20); the series has 30.", lstmError.TrimEnd());

        var (missingExit, _, missingError) = await cli.RunAsync("anomalies", "--input", Path.Combine(cli.Folder, "missing.csv"));
        Assert.Equal(1, missingExit);
        Assert.StartsWith("glidepath: ", missingError, StringComparison.Ordinal);
        Assert.Single(missingError.TrimEnd().Split('\n'));

        var (usageExit, _, _) = await cli.RunAsync("anomalies", "--input", Example, "--method", "prophet");
        Assert.Equal(2, usageExit);
    }
}
