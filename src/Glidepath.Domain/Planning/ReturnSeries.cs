using Glidepath.Domain.Results;
using System.Globalization;
using Glidepath.Quant.MonteCarlo;

namespace Glidepath.Domain.Planning;

/// <summary>
/// Turns the raw numbers of a return series (inline or read from a CSV by a front door) into the
/// engine's simple monthly returns: units, log-to-simple and the monthly offset applied, every
/// value checked, the bad one named by its field path.
/// </summary>
public static class ReturnSeries
{
    private const string Field = "returnModel.series";

    /// <summary>Checks that need no data: exactly one source; a column per asset; one inline array per asset.</summary>
    public static Problem? Check(SeriesDocument s, int assets)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sources = (s.File is null ? 0 : 1) + (s.Dataset is null ? 0 : 1) + (s.MonthlyReturns is null ? 0 : 1);
        if (sources != 1)
        {
            return Problem.Invalid(Field, "needs exactly one of file, dataset or monthlyReturns");
        }

        if (s.MonthlyReturns is { } inline)
        {
            if (s.Columns is not null)
            {
                return Problem.Invalid($"{Field}.columns", "is only for a file or dataset; monthlyReturns has one array per asset");
            }

            if (inline.Count != assets)
            {
                return Problem.Invalid($"{Field}.monthlyReturns", $"must have {assets} arrays, one per asset");
            }

            for (var a = 0; a < inline.Count; a++)
            {
                if (inline[a].Count == 0 || inline[a].Count != inline[0].Count)
                {
                    return Problem.Invalid($"{Field}.monthlyReturns[{a}]", $"must have the same number of months as monthlyReturns[0] ({inline[0].Count}), at least one");
                }
            }

            return null;
        }

        return s.Columns?.Count == assets ? null : Problem.Invalid($"{Field}.columns", $"must name {assets} columns, one per asset");
    }

    /// <summary>An inline series; a value that is not a return above -100 % is named <c>returnModel.series.monthlyReturns[a][t]</c>.</summary>
    public static HistoricalSeries FromInline(SeriesDocument s, IReadOnlyList<IReadOnlyList<double>> values) =>
        Build(s, values, (a, t) => $"{Field}.monthlyReturns[{a}][{t}]", (_, _) => "");

    /// <summary>A series read from a file or dataset; <paramref name="where"/> names a value for errors (e.g. "file.csv line 12, column returns").</summary>
    public static HistoricalSeries FromColumns(SeriesDocument s, IReadOnlyList<IReadOnlyList<double>> columns, Func<int, int, string> where) =>
        Build(s, columns, (a, _) => $"{Field}.columns[{a}]", (a, t) => where(a, t) + ": ");

    private static HistoricalSeries Build(SeriesDocument s, IReadOnlyList<IReadOnlyList<double>> raw, Func<int, int, string> field, Func<int, int, string> location)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(raw);
        var scale = s.Units == SeriesUnits.Percent ? 0.01 : 1.0;
        var simple = new double[raw.Count][];
        for (var a = 0; a < raw.Count; a++)
        {
            simple[a] = new double[raw[a].Count];
            for (var t = 0; t < raw[a].Count; t++)
            {
                var v = raw[a][t] * scale;
                var r = (s.Returns == SeriesReturns.Log ? Math.Exp(v) - 1 : v) + s.MonthlyOffset;
                if (!(r > -1) || !double.IsFinite(r))
                {
                    throw new InvalidInputException(field(a, t), $"{location(a, t)}{raw[a][t].ToString(CultureInfo.InvariantCulture)} is not a monthly return above -100 % (after units, log and offset: {r.ToString(CultureInfo.InvariantCulture)})");
                }

                simple[a][t] = r;
            }
        }

        return new HistoricalSeries(simple);
    }
}
