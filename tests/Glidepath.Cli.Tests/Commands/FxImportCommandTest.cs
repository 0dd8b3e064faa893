using System.Text.Json;
using Glidepath.Cli.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Commands;

public sealed class FxImportCommandTest
{
    // ECB reference rates of 2 and 3 January 2020.
    private const string Rates = """
        Date,Base,Quote,Rate
        2020-01-02,EUR,USD,1.1193
        2020-01-03,EUR,USD,1.1147
        2020-01-03,EUR,HRK,7.4415
        """;

    [Fact]
    public async Task ImportFx_WritesSharedRates_OrAHouseholdsOwn_AndListsUnsupportedCurrencies()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, _) = await cli.HouseholdAsync();
        var file = cli.File("ecb.csv", Rates);

        var shared = await cli.RunAsync("import", "fx", file);
        var own = await cli.RunAsync("import", "fx", file, "--household", household.ToString(), "--json");

        Assert.True(shared.ExitCode == 0, shared.Error);
        Assert.Contains("ecb.csv: imported 2 (fx layout), 0 already present, 1 skipped.", shared.Out, StringComparison.Ordinal);
        Assert.Contains("skipped row 4, column Quote: skipped: HRK is not a currency Glidepath supports.", shared.Out, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(own.Out).RootElement.GetProperty("imported").GetInt32());
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(2, await db.FxRates.CountAsync());
        Assert.Equal(2, await db.HouseholdFxRates.CountAsync(r => r.HouseholdId == household));
    }

    [Fact]
    public async Task ImportFx_BadFileOrUnknownHousehold_ExitsOneWithOneLine()
    {
        await using var cli = await CliRun.StartAsync();
        var bad = cli.File("bad.csv", "Date,Base,Quote,Rate\n2020-01-02,EUR,USD,1.1193\n2020-01-03,EUR,USD,one");

        var rejected = await cli.RunAsync("import", "fx", bad);
        var unknown = await cli.RunAsync("import", "fx", cli.File("ok.csv", Rates), "--household", Guid.Empty.ToString());

        Assert.Equal((ExitCodes.Failure, ExitCodes.Failure), (rejected.ExitCode, unknown.ExitCode));
        Assert.Equal("glidepath: bad.csv rejected (fx layout), nothing imported: row 3, column Rate: 'one' is not a positive number..", rejected.Error.TrimEnd());
        Assert.Equal($"glidepath: household {Guid.Empty} does not exist.", unknown.Error.TrimEnd());
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(0, await db.FxRates.CountAsync());
    }
}
