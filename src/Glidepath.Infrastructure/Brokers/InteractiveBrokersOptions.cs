namespace Glidepath.Infrastructure.Brokers;

/// <summary>
/// The Interactive Brokers Client Portal Web API (configuration section <c>Brokers:Ibkr</c>): where the
/// gateway listens and each instrument's contract id (conid), by symbol.
/// </summary>
public sealed class InteractiveBrokersOptions
{
    public const string Section = "Brokers:Ibkr";

    /// <summary>The gateway's API root, e.g. <c>https://localhost:5000/v1/api/</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://localhost:5000/v1/api/");

    /// <summary>Contract ids by the instrument's symbol (<c>AAPL</c> → 265598).</summary>
    public Dictionary<string, long> Conids { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many confirmation messages ("Are you sure…?") are answered for one order before it counts as rejected.</summary>
    public int MaxReplies { get; set; } = 5;
}
