namespace Glidepath.Domain.MarketData;

/// <summary>One value of an economic series (FRED's observations), as published: CPI an index level, a yield in percent.</summary>
public sealed record MacroObservation(string SeriesId, DateOnly Date, decimal Value);

/// <summary>The FRED series Glidepath stores and uses (docs/market-data.md, "Economic series").</summary>
public static class MacroSeries
{
    /// <summary>CPI for all urban consumers, seasonally adjusted, monthly index (1982–84 = 100): the planner's default inflation.</summary>
    public const string Inflation = "CPIAUCSL";

    /// <summary>3-month Treasury constant-maturity yield, daily, percent a year (bond-equivalent): the Sharpe ratio's risk-free rate.</summary>
    public const string RiskFree = "DGS3MO";

    public static readonly IReadOnlyList<string> Defaults = [Inflation, RiskFree];

    /// <summary>A FRED series id: 1–32 upper-case letters, digits and underscores.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
}
