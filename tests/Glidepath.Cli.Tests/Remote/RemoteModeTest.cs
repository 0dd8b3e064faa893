using System.Text.Json;
using Glidepath.Cli.Remote;
using Glidepath.Cli.Tests.Commands;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Remote;

/// <summary>
/// The CLI as a client of a running server (the built server as a process on a free loopback port, over a SQLite
/// file with the demo household): login keeps tokens in a 0600 file, and each remote command prints what the same
/// command prints when it opens the database itself.
/// </summary>
public sealed class RemoteModeTest(RemoteModeTest.DemoServer demo) : IClassFixture<RemoteModeTest.DemoServer>
{
    private const string DemoEmail = "demo@glidepath.local";
    private const string DemoPassword = "glidepath demo household";

    /// <summary>One server for the class (seeding the demo takes a while); each test signs in with its own config folder.</summary>
    public sealed class DemoServer : IAsyncLifetime
    {
        public CliRun Cli { get; private set; } = null!;

        public ServerProcess Server { get; private set; } = null!;

        public Guid Household { get; private set; }

        public async Task InitializeAsync()
        {
            Cli = await CliRun.StartAsync();
            Server = await ServerProcess.StartAsync(Cli.Database);
            await using var db = Cli.Database.CreateDbContext();
            Household = (await db.Households.SingleAsync()).Id;
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await Cli.DisposeAsync();
        }
    }

    private readonly CliRun cli = demo.Cli;
    private readonly ServerProcess server = demo.Server;
    private readonly Guid household = demo.Household;
    private readonly string configHome = Path.Combine(demo.Cli.Folder, Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> RemoteSettings => new() { ["XDG_CONFIG_HOME"] = configHome };

    private CredentialFile Credentials => new(Path.Combine(configHome, "glidepath", "credentials.json"));

    private Task<(int ExitCode, string Out, string Error)> LoginAsync() =>
        cli.RunWithAsync(RemoteSettings, DemoPassword + "\n", "login", "--server", server.Url.ToString(), "--email", DemoEmail, "--password-stdin");

    private Task<(int ExitCode, string Out, string Error)> RemoteAsync(params string[] args) => cli.RunWithAsync(RemoteSettings, "", ["--server", server.Url.ToString(), .. args]);

    [Fact]
    public async Task Positions_OverTheServer_PrintsWhatTheLocalCommandPrints()
    {
        var login = await LoginAsync();
        var local = await cli.RunAsync("positions", "--household", household.ToString(), "--json");
        var remoteRun = await RemoteAsync("positions", "--household", household.ToString(), "--json");

        Assert.Equal((0, ""), (login.ExitCode, login.Error));
        Assert.Equal((0, ""), (local.ExitCode, local.Error));
        Assert.Equal((0, ""), (remoteRun.ExitCode, remoteRun.Error));
        Assert.NotEmpty(JsonDocument.Parse(local.Out).RootElement.GetProperty("positions").EnumerateArray());
        Assert.Equal(local.Out, remoteRun.Out);
    }

    [Fact]
    public async Task NetWorth_OverTheServer_PrintsWhatTheLocalCommandPrints()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string[] args = ["networth", "--household", household.ToString(), "--from", $"{today.AddDays(-60):yyyy-MM-dd}", "--to", $"{today.AddDays(-1):yyyy-MM-dd}", "--json"];

        var local = await cli.RunAsync(args);
        var remoteRun = await RemoteAsync(args);

        Assert.Equal((0, ""), (local.ExitCode, local.Error));
        Assert.Equal((0, ""), (remoteRun.ExitCode, remoteRun.Error));
        Assert.Equal(local.Out, remoteRun.Out);
    }

    [Fact]
    public async Task Login_KeepsTheTokensInAnOwnerOnlyFile_AndNeverPrintsTheSecrets()
    {
        var (exit, stdout, stderr) = await LoginAsync();

        Assert.Equal((0, ""), (exit, stderr));
        var file = Credentials;
        var stored = file.Read(server.Url);
        Assert.NotNull(stored);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        }

        Assert.DoesNotContain(DemoPassword, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.AccessToken, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.RefreshToken, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPassword, await File.ReadAllTextAsync(file.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredAccessToken_IsRefreshed_AndTheNewPairKept()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        var file = Credentials;
        var before = file.Read(server.Url)!;
        file.Write(server.Url, before with { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(-1) });

        var (exit, _, stderr) = await RemoteAsync("positions", "--household", household.ToString(), "--json");
        var again = await RemoteAsync("positions", "--household", household.ToString(), "--json");

        Assert.Equal((0, ""), (exit, stderr));
        Assert.Equal(0, again.ExitCode);
        var after = file.Read(server.Url)!;
        Assert.NotEqual(before.RefreshToken, after.RefreshToken);
        Assert.True(after.ExpiresUtc > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task GlidepathToken_IsUsedWithoutLogin_AndARefusedOneIsOneLine()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        var token = Credentials.Read(server.Url)!.AccessToken;
        var scripted = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(cli.Folder, "empty"), ["GLIDEPATH_TOKEN"] = token, ["GLIDEPATH_SERVER"] = server.Url.ToString() };
        var refused = new Dictionary<string, string?>(scripted) { ["GLIDEPATH_TOKEN"] = "not-a-token" };

        var ok = await cli.RunWithAsync(scripted, "", "positions", "--household", household.ToString(), "--json");
        var (exit, stdout, stderr) = await cli.RunWithAsync(refused, "", "positions", "--household", household.ToString(), "--json");

        Assert.Equal((0, ""), (ok.ExitCode, ok.Error));
        Assert.Equal((1, ""), (exit, stdout));
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("HTTP 401", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProblemAnswer_IsItsTitleAndDetail_AndAnUnreachableServerOneLine()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);

        var missing = await RemoteAsync("positions", "--household", Guid.NewGuid().ToString(), "--json");
        var notSignedIn = await cli.RunWithAsync(new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(cli.Folder, "empty") }, "",
            "--server", server.Url.ToString(), "positions", "--household", household.ToString());
        var unreachable = await cli.RunWithAsync(new Dictionary<string, string?> { ["GLIDEPATH_TOKEN"] = "x" }, "",
            "--server", $"http://127.0.0.1:{ServerProcess.FreePort()}", "positions", "--household", household.ToString());
        var notAnAddress = await cli.RunWithAsync(RemoteSettings, "", "--server", "ftp://example", "positions", "--household", household.ToString());

        Assert.Equal(1, missing.ExitCode);
        Assert.Matches(@"^glidepath: .+ \(HTTP 404\)\n$", missing.Error.ReplaceLineEndings("\n"));
        Assert.Equal(1, notSignedIn.ExitCode);
        Assert.Contains("not signed in", notSignedIn.Error, StringComparison.Ordinal);
        Assert.Equal(1, unreachable.ExitCode);
        Assert.StartsWith("glidepath: the server could not be reached", unreachable.Error, StringComparison.Ordinal);
        Assert.Equal(1, notAnAddress.ExitCode);
        Assert.Contains("is not an http(s) address", notAnAddress.Error, StringComparison.Ordinal);
        Assert.All([missing.Error, notSignedIn.Error, unreachable.Error, notAnAddress.Error], e => Assert.Single(e.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
