namespace Glidepath.Domain.MarketData;

/// <summary>
/// A provider answered, but not with data: an unknown symbol, a body that is not its format, an
/// error message in a 200 (Alpha Vantage's "Note", Yahoo's <c>chart.error</c>). The message is
/// the one line a refresh report shows for the symbol.
/// </summary>
public sealed class MarketDataException : Exception
{
    public MarketDataException()
    {
    }

    public MarketDataException(string message)
        : base(message)
    {
    }

    public MarketDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
