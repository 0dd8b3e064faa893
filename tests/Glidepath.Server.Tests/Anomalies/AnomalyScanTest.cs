using System.Globalization;
using System.Net;
using System.Text;
using Glidepath.Application.Alerts;
using Glidepath.Application.Anomalies;
using Glidepath.Application.Categories;
using Glidepath.Server.Instruments;
using Glidepath.Application.Transactions;
using Glidepath.Application.Webhooks;
using Glidepath.Domain.Anomalies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Events;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Imports;
using Glidepath.Server.Jobs;
using Glidepath.Server.Notifications;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Jobs;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Anomalies;

/// <summary>
/// The household anomaly scan (docs/anomalies.md, "Household scans") over HTTP on both providers: 62 ordinary grocery days
/// imported as a user would give no anomaly; one 900.00 day among them is flagged once (a re-scan records nothing), with the
/// typical value and score worked out here from the median and MAD of the 60 days before it; it shows among the alerts
/// until dismissed, reaches the owner's notifications, and another household's user cannot read or dismiss it.
/// </summary>
public class AnomalyScanTest
{
    private static readonly Dictionary<string, string?> QuietWorkers = new()
    {
        ["Jobs:Enabled"] = "false",
        ["Webhooks:PollInterval"] = "01:00:00",
        ["Notifications:PollInterval"] = "01:00:00",
    };

    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly DateOnly SpikeDay = new(2026, 6, 20);

    /// <summary>Ordinary days: 60 consecutive days from 20 April (to 18 June), then 22 and 24 June; 40.00–62.99 each, no pattern a scan could call unusual.</summary>
    private static List<(DateOnly Date, decimal Amount)> OrdinaryDays()
    {
        var days = new List<(DateOnly, decimal)>();
        for (var i = 0; i < 62; i++)
        {
            var date = i < 60 ? new DateOnly(2026, 4, 20).AddDays(i) : new DateOnly(2026, 6, 22).AddDays(2 * (i - 60));
            days.Add((date, 40m + (i * 7 % 23) + (i * 13 % 100) / 100m));
        }

        return days;
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Scan_SpendingSpikeAmongOrdinaryDays_FlaggedAndAlertedOnce_OrdinaryDataGivesNone_OthersCannotRead(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: QuietWorkers);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var checking = await owner.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var ordinary = OrdinaryDays();
        await ImportAsync(owner, h, checking.Id,
            "Date,Type,Amount,Memo\n2026-04-19,Deposit,10000.00,OPENING BALANCE\n"
            + string.Concat(ordinary.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd},Withdrawal,{d.Amount:0.00},TESCO STORES 1234\n"))));

        // Ordinary data: nothing flagged (the portfolio's returns are all 0: only spending moves the cash, and it is a flow).
        var first = await (await owner.PostAsync($"{h}/anomalies/scan", new AnomalyScanRequest(AsOf))).ReadAsync<AnomalyScanDto>();
        Assert.Empty(first.Detected);
        Assert.Equal((AsOf, new DateOnly(2026, 5, 31)), (first.AsOf, first.From));
        Assert.Null(first.ReturnsUnavailable);
        Assert.Empty((await (await owner.GetAsync($"{h}/anomalies")).ReadAsync<AnomaliesDto>()).Items);

        // The spike: 900.00 on 20 June.
        await ImportAsync(owner, h, checking.Id, "Date,Type,Amount,Memo\n2026-06-20,Withdrawal,900.00,TESCO STORES 1234\n");
        var scan = await (await owner.PostAsync($"{h}/anomalies/scan", new AnomalyScanRequest(AsOf))).ReadAsync<AnomalyScanDto>();
        var anomaly = Assert.Single(scan.Detected);

        // By hand: the 60 days before the spike are the 60 consecutive ordinary days; m their median. Spending's settings
        // (RollingMadOptions.ForSpending) scale each side of m by its own half: σ̂ above m = 1.4826 · median(x − m | x ≥ m),
        // below m = 1.4826 · median(m − x | x ≤ m); a point is flagged above 6.5.
        var window = ordinary.Take(60).Select(d => (double)d.Amount).ToArray();
        var median = MedianByHand(window);
        var above = 1.4826 * MedianByHand([.. window.Where(v => v >= median).Select(v => v - median)]);
        var below = 1.4826 * MedianByHand([.. window.Where(v => v <= median).Select(v => median - v)]);
        var z = (900.0 - median) / above;
        Assert.True(z > 6.5, $"premise: the spike scores {z}");
        // The premise that nothing else is unusual: every ordinary day lies within 6.5 σ̂ of its side of the window's median.
        Assert.All(ordinary, d => Assert.True(Math.Abs((double)d.Amount - median) / ((double)d.Amount >= median ? above : below) < 6.5));

        var groceries = (await (await owner.GetAsync($"{h}/categories")).ReadAsync<List<CategoryDto>>()).Single(c => c.Path == "Food/Groceries");
        Assert.Equal((AnomalySeriesKinds.Spending, groceries.Id.ToString("D"), "Food/Groceries", SpikeDay, 900.0, "USD", AnomalyMethods.RollingMad),
            (anomaly.SeriesKind, anomaly.SeriesKey, anomaly.Series, anomaly.Date, anomaly.Value, anomaly.Currency, anomaly.Method));
        Assert.Equal(median, anomaly.Typical, 9);
        Assert.Equal(Math.Min(z, HouseholdAnomaly.MaxScore), anomaly.Score, 6);
        Assert.Equal(6.5, anomaly.Threshold);

        // A re-scan records nothing twice: still one anomaly, one event.
        Assert.Empty((await (await owner.PostAsync($"{h}/anomalies/scan", new AnomalyScanRequest(AsOf))).ReadAsync<AnomalyScanDto>()).Detected);
        var list = await (await owner.GetAsync($"{h}/anomalies")).ReadAsync<AnomaliesDto>();
        Assert.Equal((anomaly.Id, 1), (Assert.Single(list.Items).Id, list.Open));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.HouseholdAnomalies.CountAsync(a => a.HouseholdId == household.Id));
            Assert.Equal(1, await db.OutboxEvents.CountAsync(e => e.Type == EventTypes.AnomalyDetected && e.HouseholdId == household.Id));
        }

        // The event reaches the owner's notifications.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            while (await dispatcher.DispatchAsync(DateTimeOffset.UtcNow, 100, CancellationToken.None) > 0)
            {
            }
        }

        var notifications = (await (await owner.GetAsync("/api/notifications?pageSize=200")).ReadAsync<NotificationPage>()).Items;
        var told = Assert.Single(notifications, n => n.EventType == EventTypes.AnomalyDetected);
        Assert.Equal("Unusual day: Food/Groceries on 2026-06-20", told.Title);
        Assert.StartsWith("Spending in Food/Groceries on 2026-06-20: 900.00 USD, typically " + median.ToString("0.00", CultureInfo.InvariantCulture), told.Body, StringComparison.Ordinal);

        // Another household's user cannot read, scan or dismiss it (404 as on every household route).
        var stranger = app.CreateClient(await app.CreateUserAsync());
        await (await stranger.GetAsync($"{h}/anomalies")).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        await (await stranger.PostAsync($"{h}/anomalies/scan", new AnomalyScanRequest(AsOf))).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        await (await stranger.PostAsync($"{h}/anomalies/{anomaly.Id}/dismiss", new { })).ReadProblemAsync(HttpStatusCode.NotFound, "household-not-found");
        var theirs = await stranger.HouseholdAsync("Theirs");
        await (await stranger.PostAsync($"/api/households/{theirs.Id}/anomalies/{anomaly.Id}/dismiss", new { })).ReadProblemAsync(HttpStatusCode.NotFound, HouseholdAnomalies.AnomalyNotFoundCode);
        Assert.Empty((await (await stranger.GetAsync($"/api/households/{theirs.Id}/anomalies")).ReadAsync<AnomaliesDto>()).Items);
        Assert.DoesNotContain((await (await stranger.GetAsync("/api/notifications")).ReadAsync<NotificationPage>()).Items, n => n.EventType == EventTypes.AnomalyDetected);

        // Among the alerts until dismissed; then listed with its dismissal, no longer an alert.
        var alerts = await (await owner.GetAsync($"{h}/alerts?asOf=2026-06-30")).ReadAsync<AlertsDto>();
        Assert.Equal([anomaly.Id], alerts.Anomalies!.Select(a => a.Id));
        var dismissed = await (await owner.PostAsync($"{h}/anomalies/{anomaly.Id}/dismiss", new { })).ReadAsync<AnomalyDto>();
        Assert.NotNull(dismissed.DismissedUtc);
        Assert.Empty((await (await owner.GetAsync($"{h}/alerts?asOf=2026-06-30")).ReadAsync<AlertsDto>()).Anomalies!);
        list = await (await owner.GetAsync($"{h}/anomalies")).ReadAsync<AnomaliesDto>();
        Assert.Equal((1, 0), (list.Items.Count, list.Open));
        Assert.NotNull(list.Items[0].DismissedUtc);
        await (await owner.PostAsync($"{h}/anomalies/{Guid.NewGuid()}/dismiss", new { })).ReadProblemAsync(HttpStatusCode.NotFound, HouseholdAnomalies.AnomalyNotFoundCode);
    }

    /// <summary>
    /// The returns series (docs/anomalies.md, "Household scans"): 100 units of a fund whose close moves at most ±0.5 % a day, a
    /// day on which it falls to 80 % (2026-06-20), and a deposit of 1,000.00 ten days before. Only the fall is flagged, with
    /// the return r = (Vₜ + Wₜ) / (Vₜ₋₁ + Dₜ) − 1 and the median of the 60 returns before it worked out here; the deposit
    /// (+10 % of the value, far outside ordinary days if it were counted as a return) is not.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Scan_PortfolioFall_FlaggedNetOfADeposit(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: QuietWorkers);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var account = await owner.AccountAsync(household.Id);
        var fund = await (await owner.PostAsync("/api/instruments", new { symbol = "TESTF", name = "Test fund", type = "MutualFund", assetClass = "UsEquity", currency = "USD", exchange = "", householdId = household.Id }))
            .ReadAsync<InstrumentDto>(HttpStatusCode.Created);
        var start = new DateOnly(2026, 3, 1);
        var fall = SpikeDay;
        var depositDay = new DateOnly(2026, 6, 10);
        // Ordinary days move by u = ((i · 7919) mod 1000 − 500) / 100000, spread evenly over ±0.5 %; the fall day by −20 %.
        var days = Enumerable.Range(0, AsOf.DayNumber - start.DayNumber + 1).Select(start.AddDays).ToList();
        var closes = new Dictionary<DateOnly, decimal> { [start] = 100m };
        for (var i = 1; i < days.Count; i++)
        {
            var move = days[i] == fall ? -0.2m : ((i * 7919 % 1000) - 500) / 100000m;
            closes[days[i]] = Math.Round(closes[days[i - 1]] * (1m + move), 4, MidpointRounding.AwayFromZero);
        }

        decimal Close(DateOnly d) => closes[d];
        await (await owner.PutAsync($"/api/instruments/{fund.Id}/prices", days.Select(d => new { date = d, close = Close(d) }).ToArray())).ReadAsync<object>();
        await (await owner.PostAsync($"{h}/transactions", new { accountId = account.Id, type = "Deposit", tradeDate = start, amount = Close(start) * 100m, currency = "USD" })).ReadAsync<object>(HttpStatusCode.Created);
        await (await owner.PostAsync($"{h}/transactions", new { accountId = account.Id, type = "Buy", tradeDate = start, instrumentId = fund.Id, quantity = 100m, price = Close(start), fees = 0m, currency = "USD" })).ReadAsync<object>(HttpStatusCode.Created);
        await (await owner.PostAsync($"{h}/transactions", new { accountId = account.Id, type = "Deposit", tradeDate = depositDay, amount = 1000m, currency = "USD" })).ReadAsync<object>(HttpStatusCode.Created);

        var scan = await (await owner.PostAsync($"{h}/anomalies/scan", new AnomalyScanRequest(AsOf))).ReadAsync<AnomalyScanDto>();
        Assert.Null(scan.ReturnsUnavailable);
        var anomaly = Assert.Single(scan.Detected);

        // By hand: V = 100 × close + cash (1,000.00 from the deposit day on); the deposit enters at the start of its day.
        decimal Value(DateOnly d) => (100m * Close(d)) + (d >= depositDay ? 1000m : 0m);
        double Return(DateOnly d) => (double)((Value(d) / (Value(d.AddDays(-1)) + (d == depositDay ? 1000m : 0m))) - 1m);
        var before = Enumerable.Range(1, 60).Select(k => Return(fall.AddDays(-k))).ToArray();
        var median = MedianByHand(before);
        var sigma = 1.4826 * MedianByHand([.. before.Select(r => Math.Abs(r - median))]);
        var expected = Return(fall);
        Assert.Equal((AnomalySeriesKinds.Returns, AnomalySeriesKinds.PortfolioKey, fall), (anomaly.SeriesKind, anomaly.SeriesKey, anomaly.Date));
        Assert.Equal(expected, anomaly.Value, 12);
        Assert.Equal(median, anomaly.Typical, 12);
        Assert.Equal(Math.Abs(expected - median) / sigma, anomaly.Score, 6);
        // The premise: counted as a return, the deposit would have been flagged too (+10 % against ordinary days of ±0.5 %).
        var naive = (double)((Value(depositDay) / Value(depositDay.AddDays(-1))) - 1m);
        Assert.True(Math.Abs(naive - median) / sigma > 5.5, $"premise: the deposit as a return scores {Math.Abs(naive - median) / sigma}");
    }

    /// <summary>The daily job scans every household as of today: a spike three days ago is recorded once, however often it runs.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AnomalyScanJob_SpikeThreeDaysAgo_RecordedOnceOverTwoRuns(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" });
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var checking = await owner.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        // The same days as above, moved so that the spike falls three days before today.
        var shift = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).DayNumber - SpikeDay.DayNumber;
        await ImportAsync(owner, h, checking.Id,
            "Date,Type,Amount,Memo\n"
            + string.Concat(OrdinaryDays().Append((SpikeDay, 900m)).Select(d => string.Create(CultureInfo.InvariantCulture,
                $"{d.Item1.AddDays(shift):yyyy-MM-dd},Withdrawal,{d.Item2:0.00},TESCO STORES 1234\n"))));

        var admin = await app.CreateOperatorClientAsync();
        JobRunDto? last = null;
        for (var run = 0; run < 2; run++)
        {
            await (await admin.PostAsync($"/api/admin/jobs/{JobCatalog.AnomalyScan}/trigger", null)).ReadAsync<JobTriggeredDto>(HttpStatusCode.Accepted);
            last = await JobsTest.FinishedRunAsync(admin, JobCatalog.AnomalyScan, last?.Id);
            Assert.Equal("succeeded", last.Outcome);
        }

        var list = await (await owner.GetAsync($"{h}/anomalies")).ReadAsync<AnomaliesDto>();
        var anomaly = Assert.Single(list.Items);
        Assert.Equal((SpikeDay.AddDays(shift), 900.0), (anomaly.Date, anomaly.Value));
    }

    /// <summary>
    /// A charge booked twice (docs/anomalies.md, "Duplicated charges"): the same account paying the same payee the same amount on
    /// one day is recorded once, keyed by the repeat; the same charge from another account, a cent apart, or on the next day is not.
    /// </summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Scan_ChargeBookedTwiceOnOneDay_RecordedOnce_SimilarChargesAreNot(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: QuietWorkers);
        var owner = app.CreateClient();
        var household = await owner.HouseholdAsync();
        var h = $"/api/households/{household.Id}";
        var checking = await owner.AccountAsync(household.Id, AccountType.Checking, name: "Checking");
        var card = await owner.AccountAsync(household.Id, AccountType.Checking, name: "Second checking");
        TransactionRequest Charge(Guid account, DateOnly day, decimal amount) =>
            Fixtures.Tx(account, TransactionType.Withdrawal, day, amount: amount) with { Memo = "NETFLIX.COM 866-579-7172" };
        var day = new DateOnly(2026, 6, 25);
        var booked = await (await owner.PostAsync($"{h}/transactions/batch", new TransactionBatchRequest([
            Fixtures.Deposit(checking.Id, new DateOnly(2026, 6, 1), 1000m),
            Fixtures.Deposit(card.Id, new DateOnly(2026, 6, 1), 1000m),
            Charge(checking.Id, day, 15.49m),
            Charge(checking.Id, day, 15.49m),
            Charge(card.Id, day, 15.49m),                 // another account
            Charge(checking.Id, day, 15.50m),             // a cent apart
            Charge(checking.Id, day.AddDays(1), 15.49m),  // the next day
        ]))).ReadAsync<TransactionBatchResult>(HttpStatusCode.Created);

        var scan = await (await owner.PostAsync($"{h}/anomalies/scan", new AnomalyScanRequest(AsOf))).ReadAsync<AnomalyScanDto>();

        var duplicate = Assert.Single(scan.Detected);
        Assert.Equal((AnomalySeriesKinds.DuplicateCharge, AnomalyMethods.DuplicateCharge, day, 15.49, 15.49, "USD"),
            (duplicate.SeriesKind, duplicate.Method, duplicate.Date, duplicate.Value, duplicate.Typical, duplicate.Currency));
        Assert.Contains("NETFLIX", duplicate.Series, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Guid.Parse(duplicate.SeriesKey), booked.Transactions.Skip(2).Take(2).Select(t => t.Id));
        Assert.Empty((await (await owner.PostAsync($"{h}/anomalies/scan", new AnomalyScanRequest(AsOf))).ReadAsync<AnomalyScanDto>()).Detected);
        Assert.Equal([duplicate.Id], (await (await owner.GetAsync($"{h}/alerts?asOf=2026-06-30")).ReadAsync<AlertsDto>()).Anomalies!.Select(a => a.Id));

        // Its notification names it as a repeated charge, not as an unusual day.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            while (await dispatcher.DispatchAsync(DateTimeOffset.UtcNow, 100, CancellationToken.None) > 0)
            {
            }
        }

        var notifications = (await (await owner.GetAsync("/api/notifications?pageSize=200")).ReadAsync<NotificationPage>()).Items;
        var told = Assert.Single(notifications, n => n.EventType == EventTypes.AnomalyDetected);
        Assert.Equal($"Possible duplicate charge: {duplicate.Series} on 2026-06-25", told.Title);
        Assert.StartsWith("Possible duplicate charge on 2026-06-25: ", told.Body, StringComparison.Ordinal);
    }

    /// <summary>The median as a textbook gives it: the middle of the sorted values, or the mean of the two middle ones.</summary>
    private static double MedianByHand(double[] values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    private static async Task ImportAsync(HttpClient client, string h, Guid accountId, string csv) =>
        await (await client.PostAsync($"{h}/imports/transactions?accountId={accountId}", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .ReadAsync<ImportResultDto>();
}
