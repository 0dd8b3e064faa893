using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Testing.MarketData;

namespace Glidepath.Infrastructure.Tests.MarketData;

/// <summary>Alpha Vantage's real answers through its adapter on a stub, and the local-folder provider on real closes.</summary>
public sealed class AlphaVantageAndLocalTest
{
    [Fact]
    public async Task AlphaVantage_DailyAndFxSamples_ClosesAndRate()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = request => (string?)request.Query["function"] switch
        {
            "TIME_SERIES_DAILY" => StubAnswer.Ok(ProviderFormatTest.Sample("alphavantage_TIME_SERIES_DAILY_MSFT.json"), "application/json"),
            "FX_DAILY" => StubAnswer.Ok(ProviderFormatTest.Sample("alphavantage_FX_DAILY_EURUSD.json"), "application/json"),
            _ => new StubAnswer(404),
        };
        using var http = new HttpClient { BaseAddress = new Uri(stub.BaseUrl) };
        var provider = new AlphaVantageProvider(http, new ProviderOptions { ApiKey = "KEY", FxPairs = ["EUR/USD"] });

        var closes = await provider.HistoryAsync("MSFT", new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31));
        var rates = await provider.RatesAsync(new DateOnly(2020, 1, 1));

        Assert.Equal([new DailyClose(new DateOnly(2017, 8, 11), 72.50m)], closes);
        var rate = Assert.Single(rates);
        Assert.Equal((Currency.Eur, Currency.Usd, new DateOnly(2020, 7, 24), 1.1656m), (rate.Base, rate.Quote, rate.Date, rate.Rate));
        Assert.Contains("function=TIME_SERIES_DAILY&symbol=MSFT&outputsize=full&apikey=KEY", stub.Requests.First(), StringComparison.Ordinal);
    }

    /// <summary>Alpha Vantage says "budget spent" inside a 200 (its free tier's note); that is the symbol's failure, in its words.</summary>
    [Fact]
    public async Task AlphaVantage_NoteInsteadOfData_OneMessageWithItsText()
    {
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"Note":"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute."}""", "application/json");
        using var http = new HttpClient { BaseAddress = new Uri(stub.BaseUrl) };

        var e = await Assert.ThrowsAsync<MarketDataException>(() => new AlphaVantageProvider(http, new ProviderOptions()).HistoryAsync("MSFT", new DateOnly(2017, 1, 1), new DateOnly(2017, 1, 31)));

        Assert.Equal("Alpha Vantage for MSFT: Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute.", e.Message);
    }

    [Fact]
    public async Task LocalFolder_RealCloses_HistoryLatestSearch_AndNoPathOutOfTheFolder()
    {
        var folder = Directory.CreateTempSubdirectory("glidepath-local-prices-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "MSFT.csv"), ProviderFormatTest.StooqMsft());
            var provider = new LocalFolderProvider(new ProviderOptions { BaseUrl = folder });

            var october = await provider.HistoryAsync("MSFT", new DateOnly(2000, 10, 1), new DateOnly(2000, 10, 31));
            var latest = await provider.LatestAsync("MSFT");
            var found = await provider.SearchAsync("ms");

            Assert.Equal(22, october.Count); // the trading days of October 2000
            Assert.Equal(new DailyClose(new DateOnly(2001, 9, 27), 49.96m), latest);
            Assert.Equal(["MSFT"], found.Select(m => m.Symbol));
            await Assert.ThrowsAsync<MarketDataException>(() => provider.HistoryAsync("../MSFT", DateOnly.MinValue, DateOnly.MaxValue));
            var missing = await Assert.ThrowsAsync<MarketDataException>(() => provider.HistoryAsync("AAPL", DateOnly.MinValue, DateOnly.MaxValue));
            Assert.Equal("No AAPL.csv in the local price folder.", missing.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
