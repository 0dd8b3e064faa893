using System.Text.Json;
using Glidepath.Cli.Remote;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Households;
using Glidepath.Domain.Planning;
using Glidepath.Domain.Rebalancing;
using Glidepath.Testing.MarketData;
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

        /// <summary>Yahoo's chart API for both the server and the local corporate-actions command: it knows no symbol.</summary>
        public MarketDataStub Yahoo { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Yahoo = await MarketDataStub.StartAsync();
            Cli = await CliRun.StartAsync();
            Server = await ServerProcess.StartAsync(Cli.Database, new Dictionary<string, string?> { ["MarketData:Providers:yahoo:BaseUrl"] = Yahoo.BaseUrl });
            await using var db = Cli.Database.CreateDbContext();
            Household = (await db.Households.SingleAsync()).Id;
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await Cli.DisposeAsync();
            await Yahoo.DisposeAsync();
        }
    }

    private readonly CliRun cli = demo.Cli;
    private readonly ServerProcess server = demo.Server;
    private readonly Guid household = demo.Household;
    private readonly string configHome = Path.Combine(demo.Cli.Folder, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// A remote run gets a database it cannot open: a command that quietly read or wrote the local database instead of
    /// calling the server fails, rather than printing the same as the local run by reading the same file.
    /// </summary>
    private static readonly Dictionary<string, string?> NoLocalDatabase = new() { ["ConnectionStrings:Sqlite"] = "Data Source=/nonexistent-glidepath-folder/none.db;Mode=ReadOnly" };

    private Dictionary<string, string?> RemoteSettings => new(NoLocalDatabase) { ["XDG_CONFIG_HOME"] = configHome };

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

    /// <summary>The command with and without --server, as text and as <paramref name="machineForm"/> (--json): each pair prints the same.</summary>
    private Task<string> AssertSameOutputAsync(params string[] args) => AssertSameOutputAsync("--json", args);

    private async Task<string> AssertSameOutputAsync(string machineForm, string[] args)
    {
        string last = "";
        foreach (var form in new[] { args, [.. args, machineForm] })
        {
            var local = await cli.RunAsync(form);
            var remoteRun = await RemoteAsync(form);

            Assert.True(local.ExitCode == 0, local.Error);
            Assert.True(remoteRun.ExitCode == 0, remoteRun.Error);
            Assert.Equal(local.Out, remoteRun.Out);
            last = local.Out;
        }

        return last;
    }

    [Fact]
    public async Task Gains_OverTheServer_PrintTheServersForm8949AsTheLocalCommandDoes()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        // The demo's yearly sales moved forward with its prices: last year has some.
        var year = (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var csv = await AssertSameOutputAsync("--csv", ["gains", "--household", household.ToString(), "--year", year]);

        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, csv);
    }

    [Fact]
    public async Task BudgetsAndCashFlow_OverTheServer_PrintWhatTheLocalCommandsPrint()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var cashFlow = await AssertSameOutputAsync("cash-flow", "--household", household.ToString(), "--from", $"{year}-01-01", "--to", $"{year}-03-31");
        var budgets = await AssertSameOutputAsync("budgets", "--household", household.ToString(), "--month", $"{year}-01");

        Assert.Equal(3, JsonDocument.Parse(cashFlow).RootElement.GetProperty("months").GetArrayLength());
        Assert.Equal($"{year}-01", JsonDocument.Parse(budgets).RootElement.GetProperty("month").GetString());
        var bad = await cli.RunAsync(["budgets", "--household", household.ToString(), "--month", "2024-13"]);
        Assert.Equal((1, 1), (bad.ExitCode, bad.Error.Trim().Split('\n').Length));
        Assert.Contains("yyyy-MM", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_OverTheServer_PrintsWhatTheLocalCommandPrints()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);

        var json = await AssertSameOutputAsync("harvest", "--household", household.ToString());

        Assert.True(JsonDocument.Parse(json).RootElement.TryGetProperty("opportunities", out _), json);
    }

    [Fact]
    public async Task Rebalance_OverTheServer_PrintsWhatTheLocalCommandPrints_AndStoresNoProposal()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        await using (var db = cli.Database.CreateDbContext())
        {
            // Two of the taxable account's holdings at 70/30 with tight bands: trades to propose.
            var brokerage = (await db.Accounts.Where(a => a.HouseholdId == household && a.Type == AccountType.TaxableBrokerage).ToListAsync()).Single(a => a.Name == "Joint brokerage");
            var held = await db.Positions.Where(p => p.AccountId == brokerage.Id && p.Quantity > 0).Select(p => p.InstrumentId).OrderBy(i => i).Take(2).ToListAsync();
            Assert.Equal(2, held.Count);
            db.RebalanceTargets.AddRange(
                new RebalanceTarget { HouseholdId = household, AccountId = brokerage.Id, InstrumentId = held[0], Weight = 0.7m, AbsoluteBand = 0.01m, RelativeBand = 0.01m },
                new RebalanceTarget { HouseholdId = household, AccountId = brokerage.Id, InstrumentId = held[1], Weight = 0.3m, AbsoluteBand = 0.01m, RelativeBand = 0.01m });
            await db.SaveChangesAsync();
        }

        var json = await AssertSameOutputAsync("rebalance", "--household", household.ToString(), "--force");

        Assert.NotEmpty(JsonDocument.Parse(json).RootElement.GetProperty("trades").EnumerateArray());
        await using var after = cli.Database.CreateDbContext();
        Assert.Equal(0, await after.Proposals.CountAsync(p => p.HouseholdId == household));
    }

    [Fact]
    public async Task Simulate_AStoredPlanOverTheServer_PrintsWhatTheLocalCommandPrints()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        var plan = await StoreBenchmarkPlanAsync("Remote");

        var json = await AssertSameOutputAsync("simulate", "--household", household.ToString(), "--plan", plan.Id.ToString(), "--paths", "2000", "--seed", "7");

        Assert.Equal(2000, JsonDocument.Parse(json).RootElement.GetProperty("paths").GetInt32());
    }

    [Fact]
    public async Task ImportTransactions_OverTheServer_PrintsWhatTheLocalImportPrints_AndARetryWithTheSameKeyBooksNothingTwice()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        Guid localAccount, remoteAccount;
        await using (var db = cli.Database.CreateDbContext())
        {
            var local = new Account { HouseholdId = household, Name = "Imported locally", Type = AccountType.TaxableBrokerage };
            var remoteOne = new Account { HouseholdId = household, Name = "Imported remotely", Type = AccountType.TaxableBrokerage };
            db.Accounts.AddRange(local, remoteOne);
            await db.SaveChangesAsync();
            (localAccount, remoteAccount) = (local.Id, remoteOne.Id);
        }

        var file = cli.File("trades.csv", """
            Date,Type,Symbol,Quantity,Price,Fees,Amount
            2024-01-02,Deposit,,,,,10000
            2024-01-03,Buy,GE,10,150.25,1,
            2024-03-01,Sell,GE,4,160.50,1,
            """);
        var key = Guid.NewGuid().ToString();

        var localRun = await cli.RunAsync("import", "transactions", file, "--account", localAccount.ToString(), "--json");
        var first = await RemoteAsync("import", "transactions", file, "--account", remoteAccount.ToString(), "--json", "--idempotency-key", key);
        var retry = await RemoteAsync("import", "transactions", file, "--account", remoteAccount.ToString(), "--json", "--idempotency-key", key);
        var again = await RemoteAsync("import", "transactions", file, "--account", remoteAccount.ToString(), "--json");

        Assert.Equal((0, ""), (localRun.ExitCode, localRun.Error));
        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal(localRun.Out, first.Out);
        Assert.Equal(3, JsonDocument.Parse(first.Out).RootElement.GetProperty("imported").GetInt32());
        // The retry is answered from the first request (not re-run: a re-run would say 3 already present) ...
        Assert.Equal((0, first.Out), (retry.ExitCode, retry.Out));
        // ... and a new request (a new key) is a re-import, which adds nothing.
        Assert.Equal(3, JsonDocument.Parse(again.Out).RootElement.GetProperty("duplicatesSkipped").GetInt32());
        await using var after = cli.Database.CreateDbContext();
        Assert.Equal(3, await after.Transactions.CountAsync(t => t.AccountId == remoteAccount));
    }

    [Fact]
    public async Task Solve_AStoredPlanOverTheServer_PrintsWhatTheLocalCommandPrints()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        var plan = await StoreBenchmarkPlanAsync("Remote solve");

        var json = await AssertSameOutputAsync("solve", "--household", household.ToString(), "--plan", plan.Id.ToString(), "--for", "spending", "--target", "0.8", "--paths", "500");

        var solved = JsonDocument.Parse(json).RootElement;
        Assert.Equal(0.8, solved.GetProperty("target").GetDouble());
        Assert.True(solved.GetProperty("answer").GetDouble() > 0, json);
    }

    [Fact]
    public async Task ImportPrices_OverTheServer_PrintsWhatTheLocalImportPrints_AndWritesTheServersCloses()
    {
        Assert.Equal(0, (await cli.RunAsync("users", "grant-role", DemoEmail, "admin")).ExitCode);
        try
        {
            // Admins' tokens carry write:reference-data, which the shared prices need (Auth:ReferenceDataWriters).
            Assert.Equal(0, (await LoginAsync()).ExitCode);
            Domain.Instruments.Instrument shared;
            await using (var db = cli.Database.CreateDbContext())
            {
                shared = await db.Instruments.Where(i => i.HouseholdId == null).OrderBy(i => i.Symbol).FirstAsync();
            }

            var symbol = shared.Symbol;

            // The same file name with another day each, so that both runs import one close and print the same line.
            var localFile = Closes("local", symbol, "1990-01-02");
            var remoteFile = Closes("remote", symbol, "1990-01-03");

            var localRun = await cli.RunAsync("import", "prices", localFile, "--json");
            var remoteRun = await RemoteAsync("import", "prices", remoteFile, "--json");

            Assert.Equal((0, ""), (localRun.ExitCode, localRun.Error));
            Assert.Equal((0, ""), (remoteRun.ExitCode, remoteRun.Error));
            Assert.Equal(localRun.Out, remoteRun.Out);
            Assert.Equal(1, JsonDocument.Parse(remoteRun.Out).RootElement.GetProperty("imported").GetInt32());
            await using var after = cli.Database.CreateDbContext();
            Assert.True(await after.Prices.AnyAsync(p => p.Date == new DateOnly(1990, 1, 3) && p.InstrumentId == shared.Id));
        }
        finally
        {
            Assert.Equal(0, (await cli.RunAsync("users", "revoke-role", DemoEmail, "admin")).ExitCode);
        }
    }

    [Fact]
    public async Task ImportFx_AHouseholdsRatesOverTheServer_PrintWhatTheLocalImportPrints()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        var localFile = Rates("local", "1991-02-04");
        var remoteFile = Rates("remote", "1991-02-05");

        var localRun = await cli.RunAsync("import", "fx", localFile, "--household", household.ToString());
        var remoteRun = await RemoteAsync("import", "fx", remoteFile, "--household", household.ToString());
        var shared = await RemoteAsync("import", "fx", remoteFile);

        Assert.Equal((0, ""), (localRun.ExitCode, localRun.Error));
        Assert.Equal((0, ""), (remoteRun.ExitCode, remoteRun.Error));
        Assert.Equal(localRun.Out, remoteRun.Out);
        Assert.Contains("imported 1", remoteRun.Out, StringComparison.Ordinal);
        // The shared rates are an operator's (ImportSharedFxRates): the demo user is refused, in one line.
        Assert.Equal((1, ""), (shared.ExitCode, shared.Out));
        Assert.Contains("HTTP 403", shared.Error, StringComparison.Ordinal);
        await using var after = cli.Database.CreateDbContext();
        Assert.True(await after.HouseholdFxRates.AnyAsync(r => r.HouseholdId == household && r.Date == new DateOnly(1991, 2, 5)));
    }

    [Fact]
    public async Task CorporateActions_OverTheServer_ListAndConfirmAsTheLocalCommandDoes()
    {
        Assert.Equal(0, (await LoginAsync()).ExitCode);
        string[] list = ["corporate-actions", "--household", household.ToString()];
        string[] local = [.. list, "--base-url", demo.Yahoo.BaseUrl];

        foreach (var form in new[] { Array.Empty<string>(), ["--json"], ["--confirm-all"] })
        {
            var localRun = await cli.RunAsync([.. local, .. form]);
            var remoteRun = await RemoteAsync([.. list, .. form]);

            Assert.True(localRun.ExitCode == 0, localRun.Error);
            Assert.True(remoteRun.ExitCode == 0, remoteRun.Error);
            Assert.Equal(localRun.Out, remoteRun.Out);
        }

        // The stub knows no symbol: every holding is listed as not checked, and nothing is proposed or booked.
        var text = (await RemoteAsync(list)).Out;
        Assert.Contains("not checked: ", text, StringComparison.Ordinal);
        Assert.Contains("Nothing to propose.", text, StringComparison.Ordinal);
        var unknown = await RemoteAsync([.. list, "--confirm", "no-such-proposal"]);
        var baseUrl = await RemoteAsync([.. local]);
        Assert.Equal((1, ""), (unknown.ExitCode, unknown.Out));
        Assert.Single(unknown.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, baseUrl.ExitCode);
        Assert.StartsWith("glidepath: --base-url is not available with --server", baseUrl.Error, StringComparison.Ordinal);
    }

    private string Closes(string folder, string symbol, string date) => InFolder(folder, "closes.csv", $"Date,{symbol}\n{date},101.25\n");

    private string Rates(string folder, string date) => InFolder(folder, "rates.csv", $"Date,Base,Quote,Rate\n{date},EUR,USD,1.0875\n");

    private string InFolder(string folder, string name, string content)
    {
        var path = Path.Combine(cli.Folder, folder + "-" + Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("users grant-role demo@glidepath.local admin", "users grant-role is not available with --server")]
    [InlineData("rebuild --all", "rebuild is not available with --server")]
    [InlineData("orders process", "orders process is not available with --server")]
    [InlineData("xirr flows.csv", "xirr is not available with --server")]
    [InlineData("solve scenario.json --for saving", "solve of a scenario file is not available with --server")]
    [InlineData("optimize --data returns.csv --objective min-variance", "optimize is not available with --server")]
    [InlineData("keys status", "keys status is not available with --server")]
    [InlineData("rebalance --input snapshot.json", "--input SNAPSHOT.json is not available with --server")]
    [InlineData("harvest --input snapshot.json", "--input SNAPSHOT.json is not available with --server")]
    [InlineData("simulate scenario.json", "simulate of a scenario file is not available with --server")]
    public async Task ACommandWithoutAServerCounterpart_RefusesServer_InOneLine_InsteadOfRunningLocally(string command, string message)
    {
        var (exit, stdout, stderr) = await cli.RunWithAsync(
            new Dictionary<string, string?>(NoLocalDatabase) { ["GLIDEPATH_TOKEN"] = "unused" }, "", ["--server", server.Url.ToString(), .. command.Split(' ')]);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("glidepath: " + message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
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

    /// <summary>A plan of the household with examples/benchmark-retirement.json, stored through the CLI's database.</summary>
    private async Task<Plan> StoreBenchmarkPlanAsync(string name)
    {
        var plan = new Plan
        {
            HouseholdId = household,
            Name = name,
            ScenarioJson = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "benchmark-retirement.json")),
            CreatedUtc = DateTimeOffset.UnixEpoch,
        };
        await using var db = cli.Database.CreateDbContext();
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    }
}
