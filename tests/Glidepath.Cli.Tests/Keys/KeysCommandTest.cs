using System.Text.Json;
using Glidepath.Cli.Hosting;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Glidepath.Cli.Tests.Keys;

public sealed class KeysCommandTest
{
    [Fact]
    public async Task Generate_PrintsAUsableKeyInConfigurationForm()
    {
        await using var cli = await CliRun.StartAsync();
        var (exit, output, _) = await cli.RunAsync("keys", "generate", "--id", "3");

        Assert.Equal(0, exit);
        var line = output.Split('\n').Single(l => l.StartsWith("Encryption__Keys__3=", StringComparison.Ordinal));
        Assert.Equal(32, Convert.FromBase64String(line["Encryption__Keys__3=".Length..].Trim()).Length);
        Assert.Contains("Encryption__ActiveKey=3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateToFile_AddsTheNextKeyAsActive_KeepsTheOldOnes_AndPrintsNoSecret()
    {
        await using var cli = await CliRun.StartAsync();
        var path = Path.Combine(Path.GetDirectoryName(cli.File("x", ""))!, "keys", "ring.json");

        var first = await cli.RunAsync("keys", "generate", "--file", path);
        var (keys1, active1) = KeyFile.Read(path);
        var second = await cli.RunAsync("keys", "generate", "--file", path);
        var (keys2, active2) = KeyFile.Read(path);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal((1u, 2u), (active1, active2));
        Assert.Equal(keys1[1], keys2[1]);
        Assert.DoesNotContain(Convert.ToBase64String(keys2[2]), second.Out, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Rotate_MovesEveryValueToTheNewKey_AndStatusShowsIt()
    {
        await using var cli = await CliRun.StartAsync();
        cli.Database.Keys = TestKeys.New(1);
        await StoreSensitiveAccountAsync(cli);
        cli.Database.Keys = cli.Database.Keys.WithNewActiveKey(2);

        var rotated = await cli.RunAsync("keys", "rotate", "--batch-size", "1");
        Assert.True(rotated.ExitCode == 0, rotated.Error);
        Assert.Contains("Re-encrypting under key 2 (key ring: 1, 2).", rotated.Out, StringComparison.Ordinal);
        Assert.Contains("accounts.account_number: 1 looked at, 1 re-encrypted", rotated.Out, StringComparison.Ordinal);
        Assert.Contains("Done: 3 re-encrypted, 0 already under key 2.", rotated.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("4417", rotated.Out, StringComparison.Ordinal);

        var again = await cli.RunAsync("keys", "rotate");
        Assert.Contains("Done: 0 re-encrypted, 3 already under key 2.", again.Out, StringComparison.Ordinal);

        cli.Database.Keys = cli.Database.Keys.Without(1);
        var status = await cli.RunAsync("keys", "status", "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        var values = JsonDocument.Parse(status.Out).RootElement.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(3, values.Count);
        Assert.All(values, v => Assert.Equal(2u, v.GetProperty("keyId").GetUInt32()));
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal("ACCT-4417", (await db.Accounts.SingleAsync()).Number!.Reveal());
    }

    [Fact]
    public async Task Rotate_WithoutTheOldKey_FailsWithOneClearLine()
    {
        await using var cli = await CliRun.StartAsync();
        cli.Database.Keys = TestKeys.New(1);
        await StoreSensitiveAccountAsync(cli);
        cli.Database.Keys = TestKeys.New(2);

        var (exit, _, error) = await cli.RunAsync("keys", "rotate");
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("glidepath: A value in accounts.", error, StringComparison.Ordinal);
        Assert.Contains("under key 1, which is not in the key ring (keys: 2)", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task AnyDatabaseCommand_WithoutAKeyRing_FailsWithOneClearLine()
    {
        await using var cli = await CliRun.StartAsync();
        var settings = cli.Database.ConfigurationValues.Where(kv => !kv.Key.StartsWith("Encryption:", StringComparison.Ordinal));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = new CliEnvironment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), stdout, stderr);

        var exit = await GlidepathCli.RunAsync(["keys", "status"], env);
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("glidepath: No field-encryption key is configured.", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>An account with a number and notes, and a person with a tax id: three protected values.</summary>
    private static async Task StoreSensitiveAccountAsync(CliRun cli)
    {
        await using var db = cli.Database.CreateDbContext();
        var household = new Household { Name = "H", CreatedUtc = DateTimeOffset.UnixEpoch };
        household.Accounts.Add(new Account { Name = "A", Number = new AccountNumber("ACCT-4417"), Notes = "n" });
        household.People.Add(new Person { Name = "P", TaxId = new TaxId("123-45-6789") });
        db.Add(household);
        await db.SaveChangesAsync();
    }
}
