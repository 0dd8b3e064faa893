namespace Glidepath.Infrastructure.Aggregation;

/// <summary>
/// The Plaid API (configuration section <c>Aggregation:Plaid</c>; docs/aggregation.md): where it is, the client id and
/// secret (secrets: environment or a secret store, never appsettings in the repository), and what the link token asks for.
/// </summary>
public sealed class PlaidOptions
{
    public const string Section = "Aggregation:Plaid";

    /// <summary>The API root: <c>https://sandbox.plaid.com/</c>, <c>https://production.plaid.com/</c>, or a stub.</summary>
    public Uri BaseUrl { get; set; } = new("https://sandbox.plaid.com/");

    public string ClientId { get; set; } = "";

    public string Secret { get; set; } = "";

    /// <summary>The name the linking widget shows.</summary>
    public string ClientName { get; set; } = "Glidepath";

    public List<string> Products { get; set; } = ["transactions"];

    public List<string> CountryCodes { get; set; } = ["US"];

    public string Language { get; set; } = "en";

    /// <summary>Transactions per <c>transactions/sync</c> page (Plaid allows 1 to 500).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Seconds to wait for one answer.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
