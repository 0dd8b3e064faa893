using Glidepath.Testing.MarketData;
using System.IO.Compression;
using System.Text;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Tests.MarketData;

public sealed class FxRefreshTest
{
    /// <summary>A start inside the last 90 days reads the 90-day file; an older one the history zip, whose 404 is one error.</summary>
    [Fact]
    public async Task Refresh_StartDecidesTheFile_AndA404IsOneError()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Path == "/stats/eurofxref/eurofxref-hist-90d.xml"
            ? StubAnswer.Ok(ProviderFormatTest.Sample("ecb_eurofxref-hist-90d_excerpt.xml"), "text/xml")
            : new StubAnswer(404);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);

        var recent = await host.RefreshFxAsync("ecb", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30));
        var snapshot = await database.SnapshotAsync();
        var old = await host.RefreshFxAsync("ecb", new DateOnly(2017, 3, 1));

        Assert.Equal(("unchanged", 0), (recent.Outcome, recent.Added)); // the sample's days (2017) are before the start
        Assert.Equal(["/stats/eurofxref/eurofxref-hist-90d.xml", "/stats/eurofxref/eurofxref-hist.zip"], stub.Requests);
        Assert.Equal(("failed", "ECB answered 404 Not Found for the rate history."), (old.Outcome, old.Reason));
        Assert.Equal(old.Reason, host.Health.All.Single().LastError);
        Assert.Equal(snapshot, await database.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Refresh_EcbHistoryZip_PublishedAndCrossRatesStored_RerunAddsNothing(DatabaseProvider provider)
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => request.Path == "/stats/eurofxref/eurofxref-hist.zip" ? new StubAnswer(200, Bytes: HistoryZip(), ContentType: "application/zip") : new StubAnswer(404);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = RefreshHost.Create(database, stub);

        var first = await host.RefreshFxAsync("ecb", new DateOnly(2017, 3, 1));
        var snapshot = await database.SnapshotAsync();
        var again = await host.RefreshFxAsync("ecb", new DateOnly(2017, 3, 1));

        Assert.Equal(("added", 72 + 69, 69, new DateOnly(2017, 3, 1), new DateOnly(2017, 3, 3)), (first.Outcome, first.Added, first.Crosses, first.FirstDay, first.LastDay));
        Assert.Equal(("unchanged", 0, 141), (again.Outcome, again.Added, again.Unchanged));
        Assert.Equal(snapshot, await database.SnapshotAsync());
        await using var db = database.CreateDbContext();
        var gbp = Currency.Of("GBP");
        Assert.Equal(0.8173686701m, (await db.FxRates.SingleAsync(r => r.Base == Currency.Usd && r.Quote == gbp && r.Date == new DateOnly(2017, 3, 3))).Rate);
    }

    [Fact]
    public async Task Refresh_UnknownProvider_OneMessage()
    {
        await using var stub = await MarketDataStub.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = RefreshHost.Create(database, stub);

        var e = await Assert.ThrowsAsync<MarketDataException>(() => host.RefreshFxAsync("nope"));
        Assert.Equal("No FX provider 'nope'; the providers are ecb, alphavantage.", e.Message);
    }

    /// <summary>
    /// The ECB's history zip holds one CSV, <c>Date,USD,JPY,…,</c> newest first with <c>N/A</c> for a
    /// currency without a rate. Its rows here are the real rates of the 90-day sample, written in that layout.
    /// </summary>
    private static byte[] HistoryZip()
    {
        var rates = EcbFxProvider.ParseXml(ProviderFormatTest.Sample("ecb_eurofxref-hist-90d_excerpt.xml"));
        var currencies = rates.Select(r => r.Quote.Code).Distinct().ToList();
        var csv = new StringBuilder("Date," + string.Join(",", currencies) + ",CYP,\n");
        foreach (var day in rates.GroupBy(r => r.Date).OrderByDescending(g => g.Key))
        {
            csv.Append(day.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(string.Join(",", currencies.Select(c => day.Single(r => r.Quote.Code == c).Rate.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                .Append(",N/A,\n");
        }

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("eurofxref-hist.csv").Open()))
        {
            writer.Write(csv.ToString());
        }

        return zip.ToArray();
    }
}
