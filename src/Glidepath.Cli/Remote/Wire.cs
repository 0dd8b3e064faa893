using Glidepath.Client.Generated.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Glidepath.Cli.Remote;

/// <summary>
/// From the generated client's models (every property nullable, dates as Kiota's <see cref="Date"/>) to the CLI's
/// own output records. A field the contract requires and the answer lacks is the server's fault: one line, exit 1.
/// </summary>
internal static class Wire
{
    /// <summary>Problem answers as the generated methods read them, for requests sent through the adapter directly.</summary>
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Problems = new()
    {
        ["400"] = HttpValidationProblemDetails.CreateFromDiscriminatorValue,
        ["4XX"] = ProblemDetails.CreateFromDiscriminatorValue,
        ["5XX"] = ProblemDetails.CreateFromDiscriminatorValue,
    };

    public static Date ToWire(this DateOnly date) => new(date.Year, date.Month, date.Day);

    public static DateOnly Need(this Date? date, string name) => date is { } d ? new DateOnly(d.Year, d.Month, d.Day) : throw Missing(name);

    public static T Need<T>(this T? value, string name)
        where T : struct => value ?? throw Missing(name);

    public static T Need<T>(this T? value, string name)
        where T : class => value ?? throw Missing(name);

    /// <summary>A generated enum to the domain's enum of the same member names.</summary>
    public static TDomain As<TDomain>(this Enum? value, string name)
        where TDomain : struct, Enum =>
        Enum.TryParse<TDomain>(value?.ToString(), out var parsed) ? parsed : throw Missing(name);

    /// <summary>Sends a generated request and reads the answer as text (e.g. a CSV export); problem answers throw as the generated methods' do.</summary>
    public static async Task<string> SendForTextAsync(this IRequestAdapter adapter, RequestInformation request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        await using var body = await adapter.SendPrimitiveAsync<Stream>(request, Problems, ct) ?? throw new RemoteException("the server's answer has no body.");
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync(ct);
    }

    /// <summary>Sends a generated request whose body the CLI set itself (a raw CSV, a multipart form) and reads the answer's model.</summary>
    public static async Task<T> SendAsync<T>(this IRequestAdapter adapter, RequestInformation request, ParsableFactory<T> model, CancellationToken ct)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(adapter);
        return await adapter.SendAsync(request, model, Problems, ct) ?? throw new RemoteException("the server's answer has no body.");
    }

    /// <summary>Replaces a header the generated request builder set (its Accept, its guessed Content-Type).</summary>
    public static RequestInformation WithHeader(this RequestInformation request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(name);
        request.Headers.Add(name, value);
        return request;
    }

    private static RemoteException Missing(string name) => new($"the server's answer has no {name}.");
}
