using Glidepath.Domain.MarketData;
using Glidepath.Infrastructure.MarketData;

namespace Glidepath.Infrastructure.Tests.MarketData;

/// <summary>Yahoo's chart <c>events</c> (dividends and splits) read from the real AAPL answer (Samples/README.md).</summary>
public sealed class YahooEventsTest
{
    [Fact]
    public void RealChart_TheSplitOf31August2020_AndTheDividendOf6November2020()
    {
        var events = YahooChartProvider.ParseEvents(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MarketData", "Samples", "yahoo_chart_v8_AAPL_body.json")), "AAPL");

        // Read from the file by hand: splits."1598880600" is 4:1 and dividends."1604673000" is 0.205; with gmtoffset -18000
        // 1598880600 is 2020-08-31 08:30 and 1604673000 is 2020-11-06 09:30.
        Assert.Equal([new SplitEvent(new DateOnly(2020, 8, 31), 4m, 1m)], events.Splits);
        Assert.Equal([new DividendEvent(new DateOnly(2020, 11, 6), 0.205m)], events.Dividends);
    }

    [Fact]
    public void DividendBeforeALaterSplit_IsMultipliedBackToTheAmountPerShareThenHeld()
    {
        // Yahoo shows a dividend before a 4:1 split divided by 4 (as it does closes): 0.82 paid per share then is 0.205.
        const string chart = """
            { "chart": { "result": [ { "meta": { "gmtoffset": 0 }, "events": {
              "dividends": { "1589500000": { "amount": 0.205, "date": 1589500000 } },
              "splits": { "1598880600": { "date": 1598880600, "numerator": 4, "denominator": 1 } } } } ], "error": null } }
            """;

        var events = YahooChartProvider.ParseEvents(chart, "AAPL");

        Assert.Equal([new DividendEvent(new DateOnly(2020, 5, 14), 0.82m)], events.Dividends);
    }

    [Fact]
    public void ErrorObject_IsAMarketDataException()
    {
        var e = Assert.Throws<MarketDataException>(() => YahooChartProvider.ParseEvents(
            """{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}""", "XXXX"));
        Assert.Contains("No data found", e.Message, StringComparison.Ordinal);
    }
}
