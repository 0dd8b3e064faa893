using Glidepath.Domain.MarketData;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.MarketData;

/// <summary>
/// <c>/api/admin/market-data</c>, <c>/api/admin/prices/refresh</c>, <c>/api/admin/fx/refresh</c>, <c>/api/admin/macro/refresh</c>:
/// the operator's market data (docs/market-data.md). Admins only: shared prices and rates value
/// every household.
/// </summary>
public static class MarketDataEndpoints
{
    private static readonly string PriceProvidersAre = $"The price providers are {string.Join(", ", MarketDataProviders.PriceProviderNames)}.";

    public static IEndpointRouteBuilder MapMarketDataEndpoints(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Market data").RequireAuthorization(AuthPolicies.Admin);
        admin.MapPost("/prices/refresh", RefreshPrices);
        admin.MapPost("/fx/refresh", RefreshFx);
        admin.MapPost("/macro/refresh", RefreshMacro);
        admin.MapPut("/instruments/{instrumentId:guid}/market-data", SetMapping);
        admin.MapGet("/market-data/providers", Providers);
        admin.MapGet("/market-data/providers/{provider}/search", Search);
        return api;
    }

    private static async Task<Results<Ok<PriceRefreshReport>, ValidationProblem>> RefreshPrices(PriceRefreshBody body, PriceRefresh refresh, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Check(body.Provider is null || MarketDataProviders.PriceProviderNames.Contains(body.Provider.ToLowerInvariant()), "provider", PriceProvidersAre)
            .Check(body.Symbols is null || body.Symbols.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 32), "symbols", "Each symbol is 1 to 32 characters.")
            .Check(body.Symbols is null || body.Symbols.Count <= 1_000, "symbols", "At most 1,000 symbols per refresh.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await refresh.RefreshAsync(new PriceRefreshRequest(body.Provider, body.Symbols, body.From), ct));
    }

    /// <summary>A provider that fails is reported in the 200 (<c>outcome: failed</c>), as a price refresh reports a symbol.</summary>
    private static async Task<Results<Ok<FxRefreshReport>, ValidationProblem>> RefreshFx(FxRefreshBody body, FxRefresh refresh, CancellationToken ct)
    {
        var provider = (body.Provider ?? EcbFxProvider.ProviderName).ToLowerInvariant();
        if (!MarketDataProviders.FxProviderNames.Contains(provider))
        {
            return ValidationErrors.Single("provider", $"The FX providers are {string.Join(", ", MarketDataProviders.FxProviderNames)}.");
        }

        return TypedResults.Ok(await refresh.RefreshAsync(provider, body.From, ct));
    }

    /// <summary>FRED's series (default CPIAUCSL and DGS3MO); a series that fails is reported in the 200, as a price refresh reports a symbol.</summary>
    private static async Task<Results<Ok<MacroRefreshReport>, ValidationProblem>> RefreshMacro(MacroRefreshBody body, MacroRefresh refresh, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Check(body.Series is null || body.Series.All(s => s is not null && MacroSeries.IsValidId(s.Trim().ToUpperInvariant())), "series", "Each series is a FRED id: letters, digits and _, at most 32.")
            .Check(body.Series is null || body.Series.Count <= 20, "series", "At most 20 series per refresh.");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await refresh.RefreshAsync(body.Series, ct));
    }

    private static async Task<Results<Ok<MarketDataMappingDto>, NotFoundProblem, ValidationProblem>> SetMapping(
        Guid instrumentId, MarketDataMappingRequest request, InstrumentMappings mappings, MarketDataProviders providers, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Check(request.Provider is null || MarketDataProviders.PriceProviderNames.Contains(request.Provider.ToLowerInvariant()), "provider", PriceProvidersAre)
            .Check(request.Symbol is null || request.Symbol.Trim().Length > 0, "symbol", "A provider symbol is not empty; leave it out for the usual form.")
            .Check(TextLimits.Fits(request.Symbol?.Trim(), TextLimits.ProviderSymbol), "symbol", TextLimits.TooLong(TextLimits.ProviderSymbol, request.Symbol?.Trim().Length ?? 0));
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var instrument = await mappings.SetAsync(instrumentId, request.Provider, request.Symbol?.Trim(), ct);
        if (instrument is null)
        {
            return new NotFoundProblem("instrument-not-found", $"No shared instrument {instrumentId}: only shared instruments are priced by providers.");
        }

        var effective = providers.ProviderOf(instrument.PriceProvider, instrument.Exchange);
        return TypedResults.Ok(new MarketDataMappingDto(
            instrument.Id, instrument.Symbol, instrument.Exchange, instrument.PriceProvider, instrument.ProviderSymbol, effective,
            effective is null ? null : MarketDataProviders.SymbolAt(effective, instrument.ProviderSymbol, instrument.Symbol, instrument.Exchange)));
    }

    private static Ok<List<ProviderStatusDto>> Providers(ProviderHealth health)
    {
        var seen = health.All.ToDictionary(s => s.Provider, StringComparer.OrdinalIgnoreCase);
        var names = MarketDataProviders.PriceProviderNames.Concat(MarketDataProviders.FxProviderNames).Append(FredSeriesProvider.ProviderName).Distinct();
        return TypedResults.Ok(names.Select(name =>
        {
            var status = seen.GetValueOrDefault(name) ?? new ProviderStatus(name);
            List<string> kinds = [];
            if (MarketDataProviders.PriceProviderNames.Contains(name))
            {
                kinds.Add("prices");
            }

            if (MarketDataProviders.FxProviderNames.Contains(name))
            {
                kinds.Add("fx");
            }

            if (name == FredSeriesProvider.ProviderName)
            {
                kinds.Add("series");
            }

            return new ProviderStatusDto(name, kinds, status.LastSuccessUtc, status.LastErrorUtc, status.LastError, status.Circuit);
        }).ToList());
    }

    /// <summary>A provider that cannot answer: 422 <c>provider-failed</c> with its one-line reason (the request was fine; the answer is not ours to give).</summary>
    private static async Task<Results<Ok<IReadOnlyList<SymbolMatch>>, NotFoundProblem, ValidationProblem, UnprocessableProblem>> Search(
        string provider, string? q, MarketDataProviders providers, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 64)
        {
            return ValidationErrors.Single("q", "A search is 1 to 64 characters.");
        }

        if (providers.Prices(provider) is not { } source)
        {
            return new NotFoundProblem("provider-not-found", $"No price provider '{provider}'. {PriceProvidersAre}");
        }

        try
        {
            return TypedResults.Ok(await source.SearchAsync(q.Trim(), ct));
        }
        catch (Exception e) when (PriceRefresh.Reason(e) is { } reason)
        {
            return new UnprocessableProblem("provider-failed", reason);
        }
    }
}
