using Microsoft.Kiota.Abstractions;

namespace Glidepath.Cli.Remote;

/// <summary>
/// From the generated client's models (every property nullable, dates as Kiota's <see cref="Date"/>) to the CLI's
/// own output records. A field the contract requires and the answer lacks is the server's fault: one line, exit 1.
/// </summary>
internal static class Wire
{
    public static Date ToWire(this DateOnly date) => new(date.Year, date.Month, date.Day);

    public static DateOnly Need(this Date? date, string name) => date is { } d ? new DateOnly(d.Year, d.Month, d.Day) : throw Missing(name);

    public static T Need<T>(this T? value, string name)
        where T : struct => value ?? throw Missing(name);

    public static string Need(this string? value, string name) => value ?? throw Missing(name);

    public static List<T> Need<T>(this List<T>? value, string name) => value ?? throw Missing(name);

    private static RemoteException Missing(string name) => new($"the server's answer has no {name}.");
}
