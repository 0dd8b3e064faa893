using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glidepath.Application.Anomalies;
using Glidepath.Cli.Analytics;
using Glidepath.Cli.Hosting;
using Glidepath.Ml.Anomalies;
using Glidepath.Quant.Anomalies;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Cli.Anomalies;

/// <summary>
/// <c>glidepath anomalies --input FILE.csv [--method mad|lstm] [--kind returns|spending] [--seed N] [--json]</c>: the points of a
/// <c>Date,Value</c> series that a detector flags, each with its date, value and score
/// (docs/anomalies.md). mad (the default) is the rolling median/MAD baseline with its documented
/// settings (with <c>--kind</c>, those of daily returns or of daily spending; without, the one-size defaults); lstm trains the LSTM autoencoder on the file's series and scores it.
/// <c>glidepath anomalies --household ID [--as-of DATE] [--json]</c> runs the household scan on the local database (the
/// use case of <c>POST …/anomalies/scan</c> and the <c>anomaly-scan</c> job: what it newly flags is recorded and alerted)
/// and prints the household's anomalies (docs/anomalies.md, "Household scans").
/// </summary>
public static class AnomaliesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV with the header Date,Value: ISO dates, ascending, one value each" };
        var household = new Option<Guid?>("--household") { Description = "Scan this household (local database) and list its anomalies, instead of a file." };
        var asOf = CliOptions.Date("--as-of", "The household scan's day (default: today)");
        var method = new Option<string>("--method") { Description = "mad (rolling median and MAD) or lstm (LSTM autoencoder)", DefaultValueFactory = _ => "mad" };
        method.AcceptOnlyFromAmong("mad", "lstm");
        var kind = new Option<string?>("--kind") { Description = "the MAD's settings for a kind of series: returns or spending (docs/anomalies.md, \"Defaults by kind\"); default: one size for any series" };
        kind.AcceptOnlyFromAmong("returns", "spending");
        var seed = new Option<int>("--seed") { Description = "the LSTM's seed (torch.manual_seed and the shuffle)", DefaultValueFactory = _ => 17 };
        var json = new Option<bool>("--json") { Description = "write JSON" };

        var command = new Command("anomalies", "Flag the unusual points of a daily Date,Value series, or scan a household's returns and spending.")
        {
            input, household, asOf, method, kind, seed, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(household) is { } id)
            {
                return parse.GetValue(input) is not null || parse.GetResult(method) is { Implicit: false } || parse.GetValue(kind) is not null
                    ? env.Fail(ExitCodes.Usage, "--household scans with the rolling MAD; it takes no --input, --method or --kind.")
                    : await HouseholdAsync(env, id, parse.GetValue(asOf), parse.GetValue(json), ct);
            }

            if (parse.GetValue(input) is null)
            {
                return env.Fail(ExitCodes.Usage, "Name a series (--input FILE.csv) or a household (--household ID).");
            }

            return parse.GetValue(kind) is not null && parse.GetValue(method) == "lstm"
                ? env.Fail(ExitCodes.Usage, "--kind chooses the MAD's settings; the LSTM takes none.")
                : RunFile(parse, input, method, kind, seed, json);
        });
        return command;
    }

    /// <summary>Scans the household as the job does and prints all its anomalies, newest first.</summary>
    private static async Task<int> HouseholdAsync(CliEnvironment env, Guid id, DateOnly? asOf, bool json, CancellationToken ct)
    {
        await using var services = await CliDatabase.OpenAsync(env, ct);
        await using var scope = services.CreateAsyncScope();
        var anomalies = scope.ServiceProvider.GetRequiredService<HouseholdAnomalies>();
        if (!(await anomalies.ScanAsync(id, new AnomalyScanRequest(asOf), ct)).TryGet(out var scan, out var problem)
            || !(await anomalies.ListAsync(id, ct)).TryGet(out var list, out problem))
        {
            return env.Fail(ExitCodes.Failure, problem.Message);
        }

        if (json)
        {
            CliJson.Write(env.Out, new { scan, anomalies = list });
            return ExitCodes.Success;
        }

        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scanned {scan.Series} series from {scan.From:yyyy-MM-dd} to {scan.AsOf:yyyy-MM-dd}: {scan.Detected.Count} new; {list.Items.Count} anomalies, {list.Open} not dismissed."));
        if (scan.ReturnsUnavailable is { } why)
        {
            env.Out.WriteLine("Returns not scanned: " + why);
        }

        foreach (var a in list.Items)
        {
            var value = a.SeriesKind == Domain.Anomalies.AnomalySeriesKinds.Returns
                ? string.Create(CultureInfo.InvariantCulture, $"{a.Value * 100:0.00} % (typically {a.Typical * 100:0.00} %)")
                : string.Create(CultureInfo.InvariantCulture, $"{a.Value:0.00} {a.Currency} (typically {a.Typical:0.00})");
            env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Date:yyyy-MM-dd}  {a.Series}  {value}  score {a.Score:0.00}{(a.DismissedUtc is null ? "" : "  dismissed")}"));
        }

        return ExitCodes.Success;
    }

    private static int RunFile(ParseResult parse, Option<FileInfo> input, Option<string> method, Option<string?> kind, Option<int> seed, Option<bool> json) =>
        AnalyticsAction.Run(parse, () =>
        {
            var series = DatedSeries.Read(parse.GetValue(input)!);
            var name = parse.GetValue(method)!;
            AnomalyScores result;
            try
            {
                result = name == "lstm"
                    ? LstmAnomalyDetector.TrainAndScore(series.Values, new LstmDetectorOptions(Seed: parse.GetValue(seed)))
                    : RollingMad.Score(series.Values, parse.GetValue(kind) is { } k ? HouseholdAnomalies.OptionsFor(k) : new RollingMadOptions());
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException(e.Message, e);
            }

            var flagged = result.FlaggedIndices().ToList();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    method = name,
                    points = series.Values.Length,
                    threshold = result.Threshold,
                    anomalies = flagged.Select(i => new
                    {
                        date = series.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        value = series.Values[i],
                        score = AnalyticsAction.Finite(result.Scores[i]),
                    }),
                }, OptimizeCommand.JsonOptions));
                return 0;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {flagged.Count} of {series.Values.Length} points flagged (score above {result.Threshold:0.###})"));
            foreach (var i in flagged)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{series.Dates[i]:yyyy-MM-dd}  score {(double.IsFinite(result.Scores[i]) ? result.Scores[i].ToString("0.00", CultureInfo.InvariantCulture) : "inf")}  value {series.Values[i]:0.######}"));
            }

            return 0;
        });
}

/// <summary>A Date,Value CSV: ISO dates strictly ascending, finite values; anything else is refused with its line.</summary>
internal sealed record DatedSeries(DateOnly[] Dates, double[] Values)
{
    public static DatedSeries Read(FileInfo file)
    {
        var lines = File.ReadAllLines(file.FullName);
        if (lines.Length == 0 || !lines[0].Trim().Equals("Date,Value", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{file.Name}: the header must be Date,Value.");
        }

        var dates = new List<DateOnly>();
        var values = new List<double>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(',');
            if (fields.Length != 2)
            {
                throw new InvalidDataException($"{file.Name} line {i + 1}: expected two fields, Date and Value.");
            }

            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidDataException($"{file.Name} line {i + 1}: '{fields[0]}' is not a date (YYYY-MM-DD).");
            }

            if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new InvalidDataException($"{file.Name} line {i + 1}: '{fields[1]}' is not a number.");
            }

            if (dates.Count > 0 && date <= dates[^1])
            {
                throw new InvalidDataException($"{file.Name} line {i + 1}: {date:yyyy-MM-dd} is not after {dates[^1]:yyyy-MM-dd}; dates must ascend, one row each.");
            }

            dates.Add(date);
            values.Add(value);
        }

        if (values.Count == 0)
        {
            throw new InvalidDataException($"{file.Name}: no rows.");
        }

        return new DatedSeries([.. dates], [.. values]);
    }
}
