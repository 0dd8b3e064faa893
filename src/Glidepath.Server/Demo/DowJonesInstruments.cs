using Glidepath.Domain.Instruments;

namespace Glidepath.Server.Demo;

/// <summary>The 30 Dow Jones Industrial Average members of about 2000, as in examples/data/dowjones30_daily_prices.csv.</summary>
internal static class DowJonesInstruments
{
    private static readonly (string Symbol, string Name, string Exchange)[] Members =
    [
        ("AA", "Alcoa", "NYSE"), ("AXP", "American Express", "NYSE"), ("T", "AT&T", "NYSE"),
        ("BA", "Boeing", "NYSE"), ("CAT", "Caterpillar", "NYSE"), ("C", "Citigroup", "NYSE"),
        ("KO", "Coca-Cola", "NYSE"), ("DD", "DuPont", "NYSE"), ("EK", "Eastman Kodak", "NYSE"),
        ("XOM", "Exxon Mobil", "NYSE"), ("GE", "General Electric", "NYSE"), ("GM", "General Motors", "NYSE"),
        ("HWP", "Hewlett-Packard", "NYSE"), ("HD", "Home Depot", "NYSE"), ("HON", "Honeywell", "NYSE"),
        ("INTC", "Intel", "NASDAQ"), ("IBM", "IBM", "NYSE"), ("IP", "International Paper", "NYSE"),
        ("JPM", "J.P. Morgan Chase", "NYSE"), ("JNJ", "Johnson & Johnson", "NYSE"), ("MCD", "McDonald's", "NYSE"),
        ("MRK", "Merck", "NYSE"), ("MSFT", "Microsoft", "NASDAQ"), ("MMM", "Minnesota Mining & Manufacturing (3M)", "NYSE"),
        ("MO", "Philip Morris", "NYSE"), ("PG", "Procter & Gamble", "NYSE"), ("SBC", "SBC Communications", "NYSE"),
        ("UTX", "United Technologies", "NYSE"), ("WMT", "Wal-Mart Stores", "NYSE"), ("DIS", "Walt Disney", "NYSE"),
    ];

    public static IReadOnlyList<Instrument> Create(Func<Guid> newId) =>
    [
        .. Members.Select(m => new Instrument
        {
            Id = newId(),
            Symbol = m.Symbol,
            Name = m.Name,
            Type = InstrumentType.Stock,
            AssetClass = AssetClass.UsEquity,
            Exchange = m.Exchange,
        }),
    ];
}
