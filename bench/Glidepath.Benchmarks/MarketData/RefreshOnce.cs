using System.Diagnostics;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.MarketData;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;
using Glidepath.Testing.MarketData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Benchmarks.MarketData;

/// <summary>
/// A price refresh of N symbols × one year from a loopback stub speaking Stooq's CSV (issue 15's
/// target: 500 symbols ≤ 10 s, memory flat). Every symbol gets MSFT's real 249 closes of
/// 2000-09-27..2001-09-27. A 10-symbol refresh into another database warms the JIT first.
///   dotnet run -c Release --project bench/Glidepath.Benchmarks -- refresh-once 500 [postgres]
/// </summary>
public static class RefreshOnce
{
    public static async Task RunAsync(int symbols, DatabaseProvider provider)
    {
        var year = "Date" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MarketData", "msft_daily_ohlcv.csv"))["date".Length..];
        await using var stub = await MarketDataStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok(year, "text/csv");

        await RefreshAsync(stub, 10, provider, print: false);
        await RefreshAsync(stub, symbols, provider, print: true);
    }

    private static async Task RefreshAsync(MarketDataStub stub, int symbols, DatabaseProvider provider, bool print)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateDbContext())
        {
            db.Instruments.AddRange(Enumerable.Range(0, symbols).Select(i => new Instrument { Symbol = $"S{i:D4}", Exchange = "NYSE" }));
            await db.SaveChangesAsync();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketData:DefaultProviderByExchange:NYSE"] = "stooq",
            ["MarketData:Providers:stooq:BaseUrl"] = stub.BaseUrl,
            ["MarketData:Providers:stooq:RequestsPerMinute"] = "100000",
            ["MarketData:Providers:stooq:CacheFor"] = "00:00:00",
        }).Build();
        await using var services = database.CreateServices(s => s.AddSingleton(TimeProvider.System).AddMarketData(configuration));
        await using var scope = services.CreateAsyncScope();
        var refresh = scope.ServiceProvider.GetRequiredService<PriceRefresh>();

        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var report = await refresh.RefreshAsync(new PriceRefreshRequest(From: new DateOnly(2000, 1, 1)));
        clock.Stop();
        process.Refresh();
        if (print)
        {
            Console.WriteLine($"{provider}: {symbols} symbols, {report.Symbols.Sum(s => s.Added):N0} closes added, {report.Symbols.Count(s => s.Outcome == RefreshOutcomes.Failed)} failed, "
                + $"{clock.Elapsed.TotalSeconds:F2} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU, peak working set {process.PeakWorkingSet64 / 1048576} MiB, "
                + $"managed heap after {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MiB");
        }
    }
}
