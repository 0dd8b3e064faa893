using Glidepath.Cli;
using Glidepath.Cli.Hosting;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.Configuration;

namespace Glidepath.Cli.Tests.Commands;

/// <summary>Runs <c>glidepath</c> in process against a temp SQLite database and a temp folder for input files.</summary>
public sealed class CliRun : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("glidepath-cli-").FullName;

    private CliRun(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<CliRun> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) => new(await TestDatabase.CreateAsync(provider));

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string?>(), "", args);

    /// <param name="settings">More configuration (environment variables such as GLIDEPATH_TOKEN, XDG_CONFIG_HOME).</param>
    /// <param name="input">What the command reads from stdin.</param>
    public async Task<(int ExitCode, string Out, string Error)> RunWithAsync(IReadOnlyDictionary<string, string?> settings, string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(input);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.ConfigurationValues).AddInMemoryCollection(settings).Build();
        var exit = await GlidepathCli.RunAsync(args, new CliEnvironment(configuration, stdout, stderr) { In = stdin });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The temp folder of this run (input files; a config home for remote mode).</summary>
    public string Folder => folder;

    public string File(string name, string content)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A household with one brokerage account, written straight to the database (the CLI creates none).</summary>
    public async Task<(Guid Household, Guid Account)> HouseholdAsync()
    {
        await using var db = Database.CreateDbContext();
        var household = new Household { Name = "CLI test", CreatedUtc = DateTimeOffset.UnixEpoch };
        var account = new Account { HouseholdId = household.Id, Name = "Brokerage", Type = AccountType.TaxableBrokerage };
        household.Accounts.Add(account);
        db.Households.Add(household);
        await db.SaveChangesAsync();
        return (household.Id, account.Id);
    }

    public async ValueTask DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await Database.DisposeAsync();
    }
}
