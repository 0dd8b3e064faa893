using System.Globalization;
using System.Net;
using System.Text.Json;
using Glidepath.Application.Instruments;
using Glidepath.Application.ModelPortfolios;
using Glidepath.Application.Strategies;
using Glidepath.Application.TaxSettings;
using Glidepath.Application.Transactions;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Portfolios;
using Glidepath.Domain.Strategies;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Strategies;

/// <summary>
/// Publishing, following, copying, reports and moderation (docs/strategies.md), and the performance of a strategy on
/// real closes (examples/data/dowjones30_daily_prices.csv) against a computation written here from the stated rule.
/// </summary>
public class StrategyTest
{
    private static readonly DateOnly From = new(1998, 1, 2);
    private static readonly DateOnly To = new(1998, 6, 30);

    /// <summary>Every property a strategy answers: weights, rule and shared proxies; nothing of the publisher's household.</summary>
    private static readonly HashSet<string> StrategyProperties =
    [
        "id", "name", "description", "allocations", "assetClass", "weight", "rebalancing", "proxies", "instrumentId", "symbol", "byAdvisor", "mine",
        "publishedUtc", "publishedOn", "updatedUtc", "revision", "followers", "hidden", "hiddenReason",
    ];

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Publish_Follow_Update_Copy_AndTheFollowerIsNotified(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (ko, jnj) = await ProxiesAsync(app);
        var publisher = app.CreateClient();
        var household = await publisher.HouseholdAsync();

        // The publisher holds KO: 100 shares bought with 10,000 of cash. None of it may leave with the strategy.
        var account = await publisher.AccountAsync(household.Id);
        (await publisher.PostAsync($"/api/households/{household.Id}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1998, 1, 2), 10_000m),
            Fixtures.Buy(account.Id, ko, new DateOnly(1998, 1, 2), 100m, 40.38m),
        ]))).EnsureSuccessStatusCode();
        var model = await ModelAsync(publisher, household.Id, "Sixty forty", 0.6m, 0.4m);

        var response = await publisher.PostAsync($"/api/households/{household.Id}/strategies",
            new PublishStrategyRequest(model, "Dividend sixty forty", "Two dividend payers, monthly back to 60/40.", RebalancingRule.Monthly,
                new Dictionary<AssetClass, Guid> { [AssetClass.UsEquity] = ko, [AssetClass.Bonds] = jnj }));
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var published = JsonSerializer.Deserialize<StrategyDto>(json, ApiClient.Json)!;
        Assert.Equal([new TargetAllocation(AssetClass.UsEquity, 0.6m), new TargetAllocation(AssetClass.Bonds, 0.4m)], published.Allocations.OrderBy(a => a.AssetClass == AssetClass.Bonds));
        Assert.True(published.Mine);
        Assert.Equal(["JNJ", "KO"], published.Proxies.Select(p => p.Symbol).Order(StringComparer.Ordinal));

        // No holdings, amounts, accounts or ids of the publisher: only the documented properties, none of their values.
        Assert.Empty(PropertyNames(JsonDocument.Parse(json).RootElement).Except(StrategyProperties));
        foreach (var secret in new[] { household.Id.ToString(), app.DefaultUser.Id.ToString(), account.Id.ToString(), "10000", "40.38", "\"quantity\"", "\"amount\"", "\"value\"" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }

        // Another user sees it, follows it (twice: the same follow), and is told of a change of targets.
        var follower = await app.CreateUserAsync();
        using var other = app.CreateClient(follower);
        var theirs = follower.HouseholdId!.Value;
        var listed = await (await other.GetAsync("/api/strategies")).ReadAsync<List<StrategyDto>>();
        Assert.False(Assert.Single(listed).Mine);
        await (await other.PutAsync($"/api/households/{theirs}/strategy-follows/{published.Id}", new { })).ReadAsync<StrategyFollowDto>(HttpStatusCode.Created);
        await (await other.PutAsync($"/api/households/{theirs}/strategy-follows/{published.Id}", new { })).ReadAsync<StrategyFollowDto>();
        Assert.Single(await (await other.GetAsync($"/api/households/{theirs}/strategy-follows")).ReadAsync<List<StrategyFollowDto>>());
        Assert.Equal(1, (await (await other.GetAsync($"/api/strategies/{published.Id}")).ReadAsync<StrategyDto>()).Followers);

        await (await other.PutAsync($"/api/strategies/{published.Id}", new UpdateStrategyRequest(Name: "Mine now")))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "not-the-publisher");
        var updated = await (await publisher.PutAsync($"/api/strategies/{published.Id}", new UpdateStrategyRequest(
            Allocations: [new TargetAllocation(AssetClass.UsEquity, 0.7m), new TargetAllocation(AssetClass.Bonds, 0.3m)]))).ReadAsync<StrategyDto>();
        Assert.Equal(2, updated.Revision);
        await using (var db = app.CreateDbContext())
        {
            var events = await db.OutboxEvents.AsNoTracking().Where(e => e.Type == EventTypes.StrategyUpdated).ToListAsync();
            var told = Assert.Single(events);
            Assert.Equal(theirs, told.HouseholdId);
            var payload = JsonSerializer.Deserialize<StrategyUpdated>(told.PayloadJson, JsonSerializerOptions.Web)!;
            Assert.Equal(("targets", 2, published.Id), (payload.Change, payload.Revision, payload.StrategyId));
            Assert.Contains("UsEquity 70%", payload.Summary, StringComparison.Ordinal);
        }

        // Copying: a model portfolio of the follower's household, and its household-wide targets buying the proxies
        // (the follower holds nothing of either class). A second copy under the same name is 409.
        var copy = await (await other.PostAsync($"/api/households/{theirs}/strategies/{published.Id}/copy", new CopyStrategyRequest())).ReadAsync<StrategyCopyDto>(HttpStatusCode.Created);
        Assert.True(copy.TargetsSet);
        Assert.Equal("Dividend sixty forty", copy.Name);
        var models = await (await other.GetAsync($"/api/households/{theirs}/model-portfolios")).ReadAsync<List<JsonElement>>();
        Assert.Equal(copy.ModelPortfolioId, Assert.Single(models).GetProperty("id").GetGuid());
        var targets = await (await other.GetAsync($"/api/households/{theirs}/rebalance-targets")).ReadAsync<List<RebalanceTargetDto>>();
        Assert.Equal([(AssetClass.UsEquity, 0.7m, ko), (AssetClass.Bonds, 0.3m, jnj)],
            targets.OrderBy(t => t.AssetClass == AssetClass.Bonds).Select(t => (t.AssetClass!.Value, t.Weight, t.BuyInstrumentId!.Value)));
        await (await other.PostAsync($"/api/households/{theirs}/strategies/{published.Id}/copy", new CopyStrategyRequest()))
            .ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-model-portfolio");
        var onlyModel = await (await other.PostAsync($"/api/households/{theirs}/strategies/{published.Id}/copy", new CopyStrategyRequest("Just the weights", SetTargets: false)))
            .ReadAsync<StrategyCopyDto>(HttpStatusCode.Created);
        Assert.False(onlyModel.TargetsSet);

        Assert.Equal(HttpStatusCode.NoContent, (await other.DeleteAsync($"/api/households/{theirs}/strategy-follows/{published.Id}")).StatusCode);
        await (await other.DeleteAsync($"/api/households/{theirs}/strategy-follows/{published.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "strategy-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Performance_OnRealCloses_IsTheMonthlyRebalancedGrowthComputedHere(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (ko, jnj) = await ProxiesAsync(app);
        var publisher = app.CreateClient();
        var household = await publisher.HouseholdAsync();
        var model = await ModelAsync(publisher, household.Id, "Sixty forty", 0.6m, 0.4m);
        var published = await (await publisher.PostAsync($"/api/households/{household.Id}/strategies",
            new PublishStrategyRequest(model, Rebalancing: RebalancingRule.Monthly, Proxies: new Dictionary<AssetClass, Guid> { [AssetClass.UsEquity] = ko, [AssetClass.Bonds] = jnj })))
            .ReadAsync<StrategyDto>(HttpStatusCode.Created);

        // As if published on 2 January 1998: the closes are history.
        await using (var db = app.CreateDbContext())
        {
            await db.Strategies.Where(s => s.Id == published.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PublishedOn, From));
            await db.StrategyRevisions.Where(r => r.StrategyId == published.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.EffectiveOn, From));
        }

        var performance = await (await publisher.GetAsync($"/api/strategies/{published.Id}/performance?to={To:yyyy-MM-dd}")).ReadAsync<StrategyPerformanceDto>();

        // Independently: between two rebalancing closes s < t the portfolio is worth V_s × Σ w_i × P_i(t) / P_i(s); it
        // goes back to 60/40 at the first close of each month. The drawdown by brute force over every pair of days.
        var rows = Closes().Where(r => r.Date >= From && r.Date <= To).ToList();
        var values = new double[rows.Count];
        var (anchor, anchorValue) = (0, 1.0);
        for (var t = 0; t < rows.Count; t++)
        {
            values[t] = anchorValue * (0.6 * (double)(rows[t].Ko / rows[anchor].Ko) + 0.4 * (double)(rows[t].Jnj / rows[anchor].Jnj));
            if (t > 0 && rows[t].Date.Month != rows[t - 1].Date.Month)
            {
                (anchor, anchorValue) = (t, values[t]);
            }
        }

        var deepest = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = i + 1; j < values.Length; j++)
            {
                deepest = Math.Max(deepest, 1.0 - values[j] / values[i]);
            }
        }

        Assert.Equal(From, performance.BaseDate);
        Assert.Equal(To, performance.EndDate);
        Assert.Equal(rows.Count, performance.Points.Count);
        Assert.Equal(values[^1] - 1.0, performance.Ttwror!.Value, 10);
        Assert.Equal(deepest, performance.MaxDrawdown!.Value, 10);
        Assert.Equal(5, performance.Rebalances); // February to June
        Assert.Null(performance.AnnualisedTtwror);
        Assert.All(performance.Points.Zip(values), p => Assert.Equal(p.Second, p.First.Value, 10));

        // Before publication there is nothing to measure.
        await (await publisher.GetAsync($"/api/strategies/{published.Id}/performance?to=1997-12-31")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Reports_AndHiding_AreModeration(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (ko, jnj) = await ProxiesAsync(app);
        var publisher = app.CreateClient();
        var household = await publisher.HouseholdAsync();
        var model = await ModelAsync(publisher, household.Id, "Sixty forty", 0.6m, 0.4m);
        var published = await (await publisher.PostAsync($"/api/households/{household.Id}/strategies", new PublishStrategyRequest(model)))
            .ReadAsync<StrategyDto>(HttpStatusCode.Created);
        Assert.Equal(RebalancingRule.Quarterly, published.Rebalancing);
        Assert.Contains(published.Proxies, p => p.InstrumentId == ko); // the only shared UsEquity with closes
        var reporter = await app.CreateUserAsync();
        using var other = app.CreateClient(reporter);
        await (await other.PutAsync($"/api/households/{reporter.HouseholdId}/strategy-follows/{published.Id}", new { })).ReadAsync<StrategyFollowDto>(HttpStatusCode.Created);

        await (await other.PostAsync($"/api/strategies/{published.Id}/reports", new ReportStrategyRequest(" "))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await other.PostAsync($"/api/strategies/{published.Id}/reports", new ReportStrategyRequest("Promises returns it cannot know."))).ReadAsync<StrategyReportDto>(HttpStatusCode.Created);
        await (await other.PostAsync($"/api/strategies/{published.Id}/reports", new ReportStrategyRequest("Again."))).ReadProblemAsync(HttpStatusCode.Conflict, "already-reported");
        await (await other.PostAsync($"/api/admin/strategies/{published.Id}/hide", new HideStrategyRequest("No."))).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        using var admin = await app.CreateOperatorClientAsync();
        var queue = await (await admin.GetAsync("/api/admin/strategies")).ReadAsync<List<AdminStrategyDto>>();
        Assert.Equal((1, "Promises returns it cannot know."), (queue.Single().Reports, queue.Single().ReportReasons.Single()));
        var hidden = await (await admin.PostAsync($"/api/admin/strategies/{published.Id}/hide", new HideStrategyRequest("Misleading description."))).ReadAsync<StrategyDto>();
        Assert.True(hidden.Hidden);

        Assert.Empty(await (await other.GetAsync("/api/strategies")).ReadAsync<List<StrategyDto>>());
        await (await other.GetAsync($"/api/strategies/{published.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "strategy-not-found");
        await (await other.PostAsync($"/api/households/{reporter.HouseholdId}/strategies/{published.Id}/copy", new CopyStrategyRequest()))
            .ReadProblemAsync(HttpStatusCode.NotFound, "strategy-not-found");
        var own = await (await publisher.GetAsync($"/api/strategies/{published.Id}")).ReadAsync<StrategyDto>();
        Assert.Equal((true, "Misleading description."), (own.Hidden, own.HiddenReason));
        await using (var db = app.CreateDbContext())
        {
            var told = await db.OutboxEvents.AsNoTracking().SingleAsync(e => e.Type == EventTypes.StrategyUpdated);
            Assert.Equal(reporter.HouseholdId, told.HouseholdId);
            Assert.Contains("\"change\":\"hidden\"", told.PayloadJson, StringComparison.Ordinal);
        }

        await (await admin.DeleteAsync($"/api/admin/strategies/{published.Id}/hide")).ReadAsync<StrategyDto>();
        Assert.Single(await (await other.GetAsync("/api/strategies")).ReadAsync<List<StrategyDto>>());
    }

    /// <summary>The personal-data export (docs/security.md) holds each user's community data, and nobody else's.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Export_HoldsTheStrategiesPublished_TheFollows_AndTheReports(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        await ProxiesAsync(app);
        var publisher = app.CreateClient();
        var household = await publisher.HouseholdAsync();
        var model = await ModelAsync(publisher, household.Id, "Sixty forty", 0.6m, 0.4m);
        var published = await (await publisher.PostAsync($"/api/households/{household.Id}/strategies", new PublishStrategyRequest(model, "Steady", "Sixty forty.")))
            .ReadAsync<StrategyDto>(HttpStatusCode.Created);
        await (await publisher.PutAsync($"/api/strategies/{published.Id}", new UpdateStrategyRequest(
            Allocations: [new TargetAllocation(AssetClass.UsEquity, 0.5m), new TargetAllocation(AssetClass.Bonds, 0.5m)]))).ReadAsync<StrategyDto>();
        var reader = await app.CreateUserAsync();
        using var other = app.CreateClient(reader);
        await (await other.PutAsync($"/api/households/{reader.HouseholdId}/strategy-follows/{published.Id}", new { })).ReadAsync<StrategyFollowDto>(HttpStatusCode.Created);
        var report = await (await other.PostAsync($"/api/strategies/{published.Id}/reports", new ReportStrategyRequest("Too good to be true.")))
            .ReadAsync<StrategyReportDto>(HttpStatusCode.Created);

        var mine = (await (await publisher.GetAsync("/api/me/export")).ReadAsync<JsonElement>()).GetProperty("community");
        var strategy = Assert.Single(mine.GetProperty("strategiesPublished").EnumerateArray());
        Assert.Equal((published.Id, "Steady", household.Id, 2), (strategy.GetProperty("id").GetGuid(), strategy.GetProperty("name").GetString(),
            strategy.GetProperty("publisherHouseholdId").GetGuid(), strategy.GetProperty("revision").GetInt32()));
        var revisions = strategy.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal([0.6m, 0.5m], revisions.Select(r => r.GetProperty("allocations")[0].GetProperty("weight").GetDecimal()));
        Assert.Empty(mine.GetProperty("strategiesFollowed").EnumerateArray());
        Assert.Empty(mine.GetProperty("strategyReports").EnumerateArray());

        var theirs = (await (await other.GetAsync("/api/me/export")).ReadAsync<JsonElement>()).GetProperty("community");
        Assert.Empty(theirs.GetProperty("strategiesPublished").EnumerateArray());
        var follow = Assert.Single(theirs.GetProperty("strategiesFollowed").EnumerateArray());
        Assert.Equal((published.Id, "Steady", reader.HouseholdId!.Value),
            (follow.GetProperty("strategyId").GetGuid(), follow.GetProperty("strategyName").GetString(), follow.GetProperty("householdId").GetGuid()));
        var reported = Assert.Single(theirs.GetProperty("strategyReports").EnumerateArray());
        Assert.Equal((report.Id, published.Id, "Too good to be true."),
            (reported.GetProperty("id").GetGuid(), reported.GetProperty("strategyId").GetGuid(), reported.GetProperty("reason").GetString()));
        // The publisher's household stays the publisher's: the follower's export never names it.
        Assert.DoesNotContain(household.Id.ToString(), theirs.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Publish_BadInput_IsAProblem_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (ko, _) = await ProxiesAsync(app);
        var publisher = app.CreateClient();
        var household = await publisher.HouseholdAsync();
        var elsewhere = await publisher.HouseholdAsync("Another");
        var url = $"/api/households/{household.Id}/strategies";
        var model = await ModelAsync(publisher, household.Id, "Sixty forty", 0.6m, 0.4m);
        var foreign = await ModelAsync(publisher, elsewhere.Id, "Elsewhere", 0.5m, 0.5m);
        var withReits = await (await publisher.PostAsync($"/api/households/{household.Id}/model-portfolios", new ModelPortfolioRequest("With REITs", null,
            [new TargetAllocation(AssetClass.UsEquity, 0.5m), new TargetAllocation(AssetClass.RealEstate, 0.4m), new TargetAllocation(AssetClass.Cash, 0.1m)])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);

        await (await publisher.PostAsync(url, new PublishStrategyRequest(null))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await publisher.PostAsync(url, new PublishStrategyRequest(foreign))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await publisher.PostAsync(url, new PublishStrategyRequest(model, Name: new string('x', 201)))).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var wrongClass = await (await publisher.PostAsync(url, new PublishStrategyRequest(model, Proxies: new Dictionary<AssetClass, Guid> { [AssetClass.Bonds] = ko })))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(wrongClass.GetProperty("errors").TryGetProperty("proxies.Bonds", out _));
        await (await publisher.PostAsync(url, new PublishStrategyRequest(withReits.GetProperty("id").GetGuid())))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "no-proxy-for-class");
        var badRule = await publisher.PostAsync(url, new { modelPortfolioId = model, rebalancing = "Hourly" });
        Assert.Equal(HttpStatusCode.BadRequest, badRule.StatusCode);

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Strategies.CountAsync());
        Assert.Equal(0, await db.StrategyRevisions.CountAsync());
        await (await publisher.GetAsync($"/api/strategies/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound, "strategy-not-found");
    }

    /// <summary>KO labelled US equity and JNJ labelled bonds (a label is all a proxy needs), shared, with their 1998 closes.</summary>
    private static async Task<(Guid Ko, Guid Jnj)> ProxiesAsync(GlidepathApp app)
    {
        var client = await app.CreateOperatorClientAsync();
        var rows = Closes();
        async Task<Guid> Create(string symbol, AssetClass assetClass, Func<Row, decimal> close)
        {
            var instrument = await (await client.PostAsync("/api/instruments", new InstrumentRequest(symbol, symbol, InstrumentType.Stock, assetClass, "USD", "NYSE", null)))
                .ReadAsync<JsonElement>(HttpStatusCode.Created);
            var id = instrument.GetProperty("id").GetGuid();
            await (await client.PutAsync($"/api/instruments/{id}/prices", rows.Select(r => new PriceDto(r.Date, close(r))).ToList())).ReadAsync<List<PriceDto>>();
            return id;
        }

        return (await Create("KO", AssetClass.UsEquity, r => r.Ko), await Create("JNJ", AssetClass.Bonds, r => r.Jnj));
    }

    private static async Task<Guid> ModelAsync(HttpClient client, Guid householdId, string name, decimal equity, decimal bonds) =>
        (await (await client.PostAsync($"/api/households/{householdId}/model-portfolios",
            new ModelPortfolioRequest(name, "", [new TargetAllocation(AssetClass.UsEquity, equity), new TargetAllocation(AssetClass.Bonds, bonds)])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private sealed record Row(DateOnly Date, decimal Ko, decimal Jnj);

    /// <summary>KO and JNJ closes of December 1997 to June 1998 from the repository's copy of the Dow 30 file.</summary>
    private static List<Row> Closes()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "examples", "data", "dowjones30_daily_prices.csv"));
        var header = lines[0].Split(',');
        var (ko, jnj) = (Array.IndexOf(header, "KO"), Array.IndexOf(header, "JNJ"));
        return [.. lines.Skip(1).Select(l => l.Split(','))
            .Select(f => new Row(DateOnly.Parse(f[0], CultureInfo.InvariantCulture), decimal.Parse(f[ko], CultureInfo.InvariantCulture), decimal.Parse(f[jnj], CultureInfo.InvariantCulture)))
            .Where(r => r.Date >= new DateOnly(1997, 12, 1) && r.Date <= To)];
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    private static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "Glidepath.slnx")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("Run inside the repository.");
        }

        return directory;
    }
}
