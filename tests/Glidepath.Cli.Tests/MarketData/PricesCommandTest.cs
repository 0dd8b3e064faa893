using System.Text.Json;
using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Instruments;
using Glidepath.Testing.MarketData;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.MarketData;

/// <summary><c>glidepath prices refresh</c> and <c>fx refresh</c> as an operator runs them, against a stub speaking Stooq's and the ECB's formats.</summary>
public sealed class PricesCommandTest
{
    /// <summary>MSFT's real closes of 2000-09-27..2001-09-27 in Stooq's layout.</summary>
    private static readonly string StooqMsft = "Date" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MarketData", "msft_daily_ohlcv.csv"))["date".Length..];

    [Fact]
    public async Task PricesRefresh_OneGoodOneUnknownAtStooq_StoresTheGoodReportsBothExits1()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Query["s"] == "msft.us" ? StubAnswer.Ok(StooqMsft) : StubAnswer.Ok("No data");
        await using var cli = await CliRun.StartAsync();
        await SharedAsync(cli, "MSFT", "NOPE");

        var run = await cli.RunAsync("prices", "refresh", "--provider", "stooq", "--symbol", "MSFT", "--symbol", "NOPE", "--from", "2000-01-01", "--base-url", stub.BaseUrl, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("glidepath: 1 of 2 symbol(s) failed.", run.Error.Trim());
        var symbols = JsonDocument.Parse(run.Out).RootElement.GetProperty("symbols");
        Assert.Equal(("MSFT", "added", 249), (symbols[0].GetProperty("symbol").GetString(), symbols[0].GetProperty("outcome").GetString(), symbols[0].GetProperty("added").GetInt32()));
        Assert.Equal(("NOPE", "failed"), (symbols[1].GetProperty("symbol").GetString(), symbols[1].GetProperty("outcome").GetString()));
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(249, await db.Prices.CountAsync());

        var again = await cli.RunAsync("prices", "refresh", "--provider", "stooq", "--symbol", "MSFT", "--from", "2000-01-01", "--base-url", stub.BaseUrl);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("unchanged", again.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--base-url", "http://127.0.0.1:1", "--base-url needs --provider")]
    [InlineData("--provider", "nope", "No price provider 'nope'; the providers are stooq, alphavantage, yahoo, local.")]
    [InlineData("--from", "2000-13-01", "--from '2000-13-01' is not a date")]
    public async Task PricesRefresh_BadArguments_OneLineNonZero(string option, string value, string message)
    {
        await using var cli = await CliRun.StartAsync();

        var run = await cli.RunAsync("prices", "refresh", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task FxRefresh_EcbUnreachable_OneLineExit1()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => new StubAnswer(404);
        await using var cli = await CliRun.StartAsync();

        var run = await cli.RunAsync("fx", "refresh", "--provider", "ecb", "--from", "2017-03-01", "--base-url", stub.BaseUrl);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("glidepath: ECB answered 404 Not Found for the rate history.", run.Error.Trim());
    }

    /// <summary>DGS3MO in FRED's XML layout (two real 2004 quarter-end T-bill rates); an unknown series is FRED's 400 error.</summary>
    [Fact]
    public async Task MacroRefresh_OneSeriesStoredOneFailed_Exit1_ThenReRunUnchanged()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Query["series_id"] == "DGS3MO"
            ? StubAnswer.Ok("""
                <?xml version="1.0" encoding="utf-8" ?>
                <observations realtime_start="2026-12-06" realtime_end="2026-12-06" observation_start="1776-07-04" observation_end="9999-12-31" units="lin" output_type="1" file_type="xml" order_by="observation_date" sort_order="asc" count="2" offset="0" limit="100000">
                  <observation realtime_start="2026-12-06" realtime_end="2026-12-06" date="2004-09-30" value="1.65"/>
                  <observation realtime_start="2026-12-06" realtime_end="2026-12-06" date="2004-12-31" value="2.19"/>
                </observations>
                """, "text/xml")
            : new StubAnswer(400, """<?xml version="1.0" encoding="utf-8" ?><error code="400" message="Bad Request.  The series does not exist."/>""", "text/xml");
        await using var cli = await CliRun.StartAsync();

        var run = await cli.RunAsync("macro", "refresh", "--series", "DGS3MO", "--series", "NOSUCH", "--base-url", stub.BaseUrl, "--json");
        var again = await cli.RunAsync("macro", "refresh", "--series", "dgs3mo", "--base-url", stub.BaseUrl);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("glidepath: 1 of 2 series failed.", run.Error.Trim());
        var series = JsonDocument.Parse(run.Out).RootElement.GetProperty("series");
        Assert.Equal(("DGS3MO", "added", 2), (series[0].GetProperty("seriesId").GetString(), series[0].GetProperty("outcome").GetString(), series[0].GetProperty("added").GetInt32()));
        Assert.Equal(("NOSUCH", "failed"), (series[1].GetProperty("seriesId").GetString(), series[1].GetProperty("outcome").GetString()));
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("unchanged", again.Out, StringComparison.Ordinal);
        await using var db = cli.Database.CreateDbContext();
        Assert.Equal(2, await db.MacroObservations.CountAsync());
    }

    private static async Task SharedAsync(CliRun cli, params string[] symbols)
    {
        await using var db = cli.Database.CreateDbContext();
        db.Instruments.AddRange(symbols.Select(s => new Instrument { Symbol = s, Name = s, Exchange = "NYSE" }));
        await db.SaveChangesAsync();
    }
}
