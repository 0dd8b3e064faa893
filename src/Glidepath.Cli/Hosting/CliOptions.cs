using System.CommandLine;
using System.Globalization;

namespace Glidepath.Cli.Hosting;

/// <summary>Options that several commands share, each created fresh per command.</summary>
public static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write JSON to stdout instead of a table." };

    public static Option<Guid> Household() => new("--household") { Description = "The household's id.", Required = true };

    public static Option<string?> Currency() => new("--currency") { Description = "ISO-4217 reporting currency (default: the household's)." };

    /// <summary>An ISO date (yyyy-MM-dd); anything else is a usage error naming the option.</summary>
    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (yyyy-MM-dd)",
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} '{text}' is not a date in the form yyyy-MM-dd.");
            return null;
        },
    };
}
