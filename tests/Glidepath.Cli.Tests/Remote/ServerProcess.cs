using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Glidepath.Testing.Databases;

namespace Glidepath.Cli.Tests.Remote;

/// <summary>
/// The built server (the configuration these tests were built in: CI builds Release) as a real process on a free
/// loopback port over <paramref name="database"/>, seeding the demo household as README's start does.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    private ServerProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="settings">More configuration (keys as in appsettings, e.g. <c>MarketData:Providers:yahoo:BaseUrl</c>).</param>
    public static async Task<ServerProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Glidepath.Server", "bin", Configuration, "net10.0", "Glidepath.Server.dll");
        Assert.True(File.Exists(dll), $"build the server first: {dll}");
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var (key, value) in database.ConfigurationValues.Concat(settings ?? new Dictionary<string, string?>()))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = url.ToString();
        info.Environment["Glidepath__SeedDemoData"] = "true";
        var server = new ServerProcess(Process.Start(info)!, url);
        server.process.OutputDataReceived += (_, e) => server.Log(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(180));
        return server;
    }

    private void Log(string? line)
    {
        lock (log)
        {
            log.AppendLine(line);
        }
    }

    /// <summary>Seeding runs before Kestrel listens, so the first answer means the demo household is there.</summary>
    private async Task WaitUntilListeningAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            Assert.False(process.HasExited, $"the server exited: {log}");
            try
            {
                using var _ = await http.GetAsync(new Uri(Url, "/auth/external"));
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Glidepath.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Glidepath.slnx not found above " + AppContext.BaseDirectory);
    }
}
