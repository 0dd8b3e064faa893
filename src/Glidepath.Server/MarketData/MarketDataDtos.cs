namespace Glidepath.Server.MarketData;

/// <param name="Provider">Only the instruments this provider prices; with <paramref name="Symbols"/>, price them from it.</param>
public sealed record PriceRefreshBody(string? Provider, IReadOnlyList<string>? Symbols, DateOnly? From);

public sealed record FxRefreshBody(string? Provider, DateOnly? From);

/// <param name="Series">FRED series ids; default CPIAUCSL and DGS3MO.</param>
public sealed record MacroRefreshBody(IReadOnlyList<string>? Series);

/// <summary>Null provider and symbol: the exchange's default provider and the usual symbol form.</summary>
public sealed record MarketDataMappingRequest(string? Provider, string? Symbol);

public sealed record MarketDataMappingDto(Guid InstrumentId, string Symbol, string Exchange, string? Provider, string? ProviderSymbol, string? EffectiveProvider, string? EffectiveSymbol);

/// <param name="Circuit"><c>closed</c>, <c>open</c> or <c>half-open</c>.</param>
public sealed record ProviderStatusDto(string Name, IReadOnlyList<string> Kinds, DateTimeOffset? LastSuccessUtc, DateTimeOffset? LastErrorUtc, string? LastError, string Circuit);
