using System.CommandLine;
using System.Globalization;
using Glidepath.Quant.Performance;

namespace Glidepath.Cli.Analytics;

/// <summary>
/// <c>glidepath xirr FLOWS.csv</c>: money-weighted return of dated flows (columns Date,Amount;
/// the last row may be the ending value, entered as a positive amount). Exit code 2 when no
/// unique rate exists.
/// </summary>
public static class XirrCommand
{
    public static Command Create()
    {
        var flows = new Argument<FileInfo>("FLOWS.csv") { Description = "CSV with columns Date,Amount" };
        var command = new Command("xirr", "Annual money-weighted return (XIRR, actual/365).") { flows };
        command.SetAction(parse =>
        {
            var rows = File.ReadAllLines(parse.GetValue(flows)!.FullName).Skip(1).Where(l => l.Length > 0)
                .Select(l => l.Split(',')).ToArray();
            var dates = rows.Select(r => DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
            var amounts = rows.Select(r => double.Parse(r[1], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            var result = Xirr.Solve(dates, amounts);
            var output = parse.InvocationConfiguration.Output;
            switch (result.Status)
            {
                case XirrStatus.Solved:
                    output.WriteLine(result.Rate.ToString("0.##########", CultureInfo.InvariantCulture));
                    return 0;
                case XirrStatus.MultipleRoots:
                    parse.InvocationConfiguration.Error.WriteLine("Several rates give a zero NPV: " +
                        string.Join(", ", result.Roots.Select(r => r.ToString("0.##########", CultureInfo.InvariantCulture))));
                    return 2;
                default:
                    parse.InvocationConfiguration.Error.WriteLine(result.Status == XirrStatus.NoSignChange
                        ? "The flows need at least one positive and one negative amount."
                        : "No rate gives a zero NPV for these flows.");
                    return 2;
            }
        });
        return command;
    }
}
