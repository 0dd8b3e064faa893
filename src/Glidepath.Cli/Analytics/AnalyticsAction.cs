using System.CommandLine;
using Glidepath.Cli.Hosting;

namespace Glidepath.Cli.Analytics;

/// <summary>
/// Runs an analytics command's action so that an unreadable or malformed input file ends as one
/// line on stderr ("glidepath: …") and exit code 1, never as an "unexpected error".
/// </summary>
internal static class AnalyticsAction
{
    public static int Run(ParseResult parse, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            return Fail(parse, ExitCodes.Failure, e.Message);
        }
    }

    /// <summary>Writes one line to stderr and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(ParseResult parse, int exitCode, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine("glidepath: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }

    /// <summary>JSON has no NaN or infinity: an undefined statistic is written as null.</summary>
    public static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
