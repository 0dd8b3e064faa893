namespace Glidepath.Domain.MarketData;

/// <summary>
/// A provider that publishes an instrument's dividends and splits (docs/import.md, "Dividends and splits from
/// data"). Amounts are per share as held on the ex-date (not adjusted for later splits).
/// </summary>
public interface ICorporateActionSource
{
    string Name { get; }

    /// <summary>The dividends and splits from <paramref name="from"/> to today; throws <see cref="MarketDataException"/> when the provider cannot answer.</summary>
    Task<CorporateActionHistory> ActionsAsync(string symbol, DateOnly from, CancellationToken ct = default);
}

/// <summary>A cash dividend: <paramref name="PerShare"/> in the instrument's currency for each share held before <paramref name="ExDate"/>.</summary>
public sealed record DividendEvent(DateOnly ExDate, decimal PerShare);

/// <summary>A split: <paramref name="Numerator"/> new shares for <paramref name="Denominator"/> old ones, effective <paramref name="Date"/>.</summary>
public sealed record SplitEvent(DateOnly Date, decimal Numerator, decimal Denominator);

public sealed record CorporateActionHistory(IReadOnlyList<DividendEvent> Dividends, IReadOnlyList<SplitEvent> Splits);
