using Glidepath.Application.ModelPortfolios;
using Glidepath.Domain.Instruments;

namespace Glidepath.Server.ModelPortfolios;

/// <summary>One column of the proxy table: its name (an asset of <c>POST /api/optimize</c>) and the class it stands for.</summary>
public sealed record ProxyColumn(string Asset, AssetClass AssetClass);

/// <summary>
/// The inputs the generated model portfolios are built on, in the shape <c>POST /api/optimize</c>
/// takes: <paramref name="Data"/> rows are days (oldest first), one simple return per asset;
/// <paramref name="MaxWeight"/> is the generator's default cap per proxy.
/// </summary>
public sealed record ModelAssumptionsDto(
    IReadOnlyList<ProxyColumn> Assets, IReadOnlyList<IReadOnlyList<double>> Data, int PeriodsPerYear, double MaxWeight, string Source);

/// <summary><c>GET /api/model-portfolios/assumptions</c>: the asset-class proxy returns (docs/analytics.md, "Model portfolios").</summary>
public static class ModelAssumptionsEndpoints
{
    public static RouteGroupBuilder MapModelAssumptionsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/model-portfolios/assumptions", Assumptions).WithTags("Model portfolios");
        return api;
    }

    private static Ok<ModelAssumptionsDto> Assumptions()
    {
        var proxies = AssetClassProxyFile.Read(AssetClassProxyFile.DefaultPath);
        var periods = proxies.Count == 0 ? 0 : proxies[0].Returns.Length;
        var rows = Enumerable.Range(0, periods).Select(t => (IReadOnlyList<double>)[.. proxies.Select(p => p.Returns[t])]).ToList();
        return TypedResults.Ok(new ModelAssumptionsDto(
            [.. proxies.Select(p => new ProxyColumn(p.Name, p.AssetClass))],
            rows,
            (int)AssetClassProxyFile.PeriodsPerYear,
            HouseholdModelPortfolios.DefaultMaxWeight,
            "examples/data/asset_class_proxies_daily_returns.csv"));
    }
}
