using Glidepath.Domain.Currencies;
using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;

namespace Glidepath.Infrastructure.Tests.MarketData;

/// <summary>Each provider's real wire format (Samples/README.md), parsed; expected values are the ones the samples' own projects assert or the providers publish.</summary>
public sealed class ProviderFormatTest
{
    [Fact]
    public void Yahoo_RealChart_49BarsAsTraded()
    {
        var bars = YahooChartProvider.Parse(Sample("yahoo_chart_v8_AAPL_body.json"), "AAPL");

        Assert.Equal(49, bars.Count);
        Assert.Equal(new DailyClose(new DateOnly(2020, 8, 31), 129.04m), bars[0]);
        Assert.Equal(new DailyClose(new DateOnly(2020, 11, 6), 118.69m), bars[^1]);
    }

    /// <summary>
    /// Yahoo adjusts every close for later splits: its 28 August 2020 AAPL close is 124.8075 (the
    /// sample's meta gives 124.808 as chartPreviousClose); Nasdaq's published close that day, before
    /// the 4-for-1 split of 31 August, is 499.23.
    /// </summary>
    [Fact]
    public void Yahoo_CloseBeforeSplit_MultipliedBackToTheTradedPrice()
    {
        var split = new DateOnly(2020, 8, 31);
        var bars = YahooChartProvider.Unadjust([new DailyClose(new DateOnly(2020, 8, 28), 124.8075m), new DailyClose(split, 129.04m)], [(split, 4m)]).ToList();

        Assert.Equal([499.23m, 129.04m], bars.Select(b => b.Close));
    }

    [Fact]
    public void Yahoo_ErrorObject_OneMessage()
    {
        var e = Assert.Throws<MarketDataException>(() => YahooChartProvider.Parse(
            """{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}""", "XXXX"));
        Assert.Equal("Yahoo for XXXX: No data found, symbol may be delisted", e.Message);
    }

    [Fact]
    public void Ecb_DailyFile_EveryCurrencyGlidepathSupports()
    {
        var rates = EcbFxProvider.ParseXml(Sample("ecb_eurofxref-daily_2016-01-29.xml"));

        Assert.Equal(24, rates.Count); // 31 published, 7 (BGN, HRK, IDR, MYR, PHP, RON, RUB) not supported
        Assert.All(rates, r => Assert.Equal((Currency.Eur, new DateOnly(2016, 1, 29)), (r.Base, r.Date)));
        Assert.Equal(1.0920m, rates.Single(r => r.Quote == Currency.Usd).Rate);
    }

    [Fact]
    public void Ecb_NinetyDayFile_DaysNewestFirst_AllRead()
    {
        var rates = EcbFxProvider.ParseXml(Sample("ecb_eurofxref-hist-90d_excerpt.xml"));

        Assert.Equal(72, rates.Count);
        Assert.Equal([new DateOnly(2017, 3, 1), new DateOnly(2017, 3, 2), new DateOnly(2017, 3, 3)], rates.Select(r => r.Date).Distinct().Order());
        Assert.Equal(0.86355m, rates.Single(r => r.Date == new DateOnly(2017, 3, 3) && r.Quote == Currency.Of("GBP")).Rate);
    }

    /// <summary>USD/GBP = (EUR/GBP) / (EUR/USD) = 0.86355 / 1.0565 = 0.81736867013… (Python float division).</summary>
    [Fact]
    public void Ecb_CrossRates_ThroughTheEuro()
    {
        var crosses = FxRefresh.CrossThroughEuro(EcbFxProvider.ParseXml(Sample("ecb_eurofxref-hist-90d_excerpt.xml")));

        var gbp = crosses.Single(r => r.Date == new DateOnly(2017, 3, 3) && r.Quote == Currency.Of("GBP"));
        Assert.Equal((Currency.Usd, 0.8173686701m), (gbp.Base, gbp.Rate));
        Assert.Equal(3 * 23, crosses.Count); // every supported currency but USD itself, each day
    }

    [Fact]
    public void Ecb_NotXml_OneMessage()
    {
        var e = Assert.Throws<MarketDataException>(() => EcbFxProvider.ParseXml("<html><body>Service unavailable"));
        Assert.StartsWith("The ECB answered '<html><body>Service unavailable'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>fredapi's test asserts these four values of the sample.</summary>
    [Fact]
    public void Fred_Observations_FourValues()
    {
        var values = FredSeriesProvider.Parse(Sample("fred_series_observations_SP500.xml"), "SP500");

        Assert.Equal([2002.28m, 2000.72m, 1997.65m, 2007.71m], values.Select(v => v.Close));
        Assert.Equal(new DateOnly(2014, 9, 2), values[0].Date);
    }

    [Fact]
    public void Fred_MissingValueDot_LeftOut()
    {
        var values = FredSeriesProvider.Parse(
            """<observations><observation date="2014-09-01" value="."/><observation date="2014-09-02" value="2002.28"/></observations>""", "SP500");
        Assert.Equal([new DailyClose(new DateOnly(2014, 9, 2), 2002.28m)], values);
    }

    [Fact]
    public void StooqCsv_RealMsftDays_DateAndClose()
    {
        var closes = DailyCsv.Parse(StooqMsft(), "Stooq", DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal(249, closes.Count);
        Assert.Equal(new DailyClose(new DateOnly(2000, 9, 27), 60.625m), closes[0]);
        Assert.Equal(new DailyClose(new DateOnly(2001, 9, 27), 49.96m), closes[^1]);
    }

    [Theory]
    [InlineData("No data")]
    [InlineData("Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,abc,5")]
    [InlineData("Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,10,5\n2024-01-02,1,1,1,10,5")]
    public void StooqCsv_NotCloses_OneMessage(string body) =>
        Assert.Throws<MarketDataException>(() => DailyCsv.Parse(body, "Stooq (msft.us)", DateOnly.MinValue, DateOnly.MaxValue));

    [Fact]
    public void SplitFactor_WholeWindowTwiceTheStoredCloses_Detected_SingleCorrectionNot()
    {
        var fetched = Enumerable.Range(0, 5).Select(i => new DailyClose(new DateOnly(2024, 1, 2).AddDays(i), 100m + i)).ToList();

        Assert.Equal(2m, PriceRefresh.SplitFactor(fetched, fetched.ToDictionary(c => c.Date, c => c.Close * 2m)));
        Assert.Null(PriceRefresh.SplitFactor(fetched, fetched.ToDictionary(c => c.Date, c => c.Date.Day == 3 ? c.Close * 2m : c.Close)));
    }

    internal static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MarketData", "Samples", name));

    /// <summary>MSFT's real closes (Import/Data) with Stooq's header.</summary>
    internal static string StooqMsft() =>
        "Date" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Data", "msft_daily_ohlcv.csv"))["date".Length..];
}
