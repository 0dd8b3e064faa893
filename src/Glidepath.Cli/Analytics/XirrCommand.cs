using System.CommandLine;
using System.Globalization;
using Glidepath.Cli.Hosting;
using Glidepath.Quant.Performance;

namespace Glidepath.Cli.Analytics;

/// <summary>
/// <c>glidepath xirr FLOWS.csv</c>: money-weighted return of dated flows (columns Date,Amount;
/// the last row may be the ending value, entered as a positive amount). Exit code 1, with one line on
/// stderr, when no unique rate exists or the file is malformed.
/// </summary>
public static class XirrCommand
{
    public static Command Create()
    {
        var flows = new Argument<FileInfo>("FLOWS.csv") { Description = "CSV with columns Date,Amount" };
        var command = new Command("xirr", "Annual money-weighted return (XIRR, actual/365).") { flows };
        command.SetAction(parse => AnalyticsAction.Run(parse, () =>
        {
            var file = parse.GetValue(flows)!;
            var lines = File.ReadAllLines(file.FullName);
            if (lines.Length == 0 || !lines[0].StartsWith("date,", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{file.Name}: the header must be Date,Amount.");
            }

            var rows = lines.Skip(1).Select((l, i) => (Line: i + 2, Cells: l.Split(','))).Where(r => r.Cells[0].Length > 0).ToArray();
            var dates = new DateOnly[rows.Length];
            var amounts = new double[rows.Length];
            foreach (var (row, k) in rows.Select((r, k) => (r, k)))
            {
                if (row.Cells.Length < 2
                    || !DateOnly.TryParseExact(row.Cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dates[k])
                    || !double.TryParse(row.Cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out amounts[k])
                    || !double.IsFinite(amounts[k]))
                {
                    throw new InvalidDataException($"{file.Name} line {row.Line}: expected a yyyy-MM-dd date and a number.");
                }
            }
            var result = Xirr.Solve(dates, amounts);
            var output = parse.InvocationConfiguration.Output;
            switch (result.Status)
            {
                case XirrStatus.Solved:
                    output.WriteLine(result.Rate.ToString("0.##########", CultureInfo.InvariantCulture));
                    return 0;
                case XirrStatus.MultipleRoots:
                    return AnalyticsAction.Fail(parse, ExitCodes.Failure, "several rates give a zero NPV: " +
                        string.Join(", ", result.Roots.Select(r => r.ToString("0.##########", CultureInfo.InvariantCulture))));
                default:
                    return AnalyticsAction.Fail(parse, ExitCodes.Failure, result.Status == XirrStatus.NoSignChange
                        ? "the flows need at least one positive and one negative amount."
                        : "no rate gives a zero NPV for these flows.");
            }
        }));
        return command;
    }
}
