using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.Api.Examples;

/// <summary>
/// Performs the API's operations against a server with the demo household and keeps, per operationId, the first
/// successful JSON request and answer (docs/api.md, "Examples"). Ids are replaced by stable made-up ones (in order of
/// first appearance) and secrets by placeholders, so the file reads the same after a re-record and holds no key.
/// </summary>
internal sealed partial class ApiExampleRecorder
{
    private static readonly string[] SecretNames =
        ["password", "newPassword", "accessToken", "refreshToken", "token", "secret", "totpCode", "recoveryCode", "recoveryCodes", "sharedKey", "provisioningUri", "code"];

    private readonly GlidepathApp app;
    private readonly List<(string Method, Regex Path, string OperationId)> operations = [];
    private readonly SortedDictionary<string, JsonObject> examples = new(StringComparer.Ordinal);

    private ApiExampleRecorder(GlidepathApp app) => this.app = app;

    /// <summary>What went wrong on the way (a step that did not answer 2xx), for the test's message.</summary>
    public List<string> Failures { get; } = [];

    public static async Task<(JsonObject Examples, List<string> Failures)> RecordAsync(GlidepathApp app)
    {
        var recorder = new ApiExampleRecorder(app);
        await recorder.ReadDocumentAsync();
        await recorder.RunAsync();
        return (Normalise(recorder.examples), recorder.Failures);
    }

    private async Task ReadDocumentAsync()
    {
        using var http = app.CreateAnonymousClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var pattern = new Regex("^" + ParameterPattern().Replace(Regex.Escape(path).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "$");
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["operationId"]?.GetValue<string>() is { } id)
                {
                    operations.Add((method.ToUpperInvariant(), pattern, id));
                }
            }
        }
    }

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex ParameterPattern();

    /// <summary>Sends one request; a 2xx JSON answer (and the JSON body sent) becomes its operation's example.</summary>
    private async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? csv = null, string csvType = "text/csv")
    {
        using var request = new HttpRequestMessage(method, url);
        string? sent = null;
        if (csv is not null)
        {
            request.Content = new StringContent(csv, Encoding.UTF8, csvType);
        }
        else if (body is not null)
        {
            sent = body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
            request.Content = new StringContent(sent, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var path = url.Split('?')[0];
        var operation = operations.FirstOrDefault(o => o.Method == method.Method && o.Path.IsMatch(path)).OperationId;
        if (!response.IsSuccessStatusCode)
        {
            Failures.Add($"{method} {url} ({operation}): {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            return null;
        }

        var answer = response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0 ? JsonNode.Parse(text) : null;
        if (operation is not null && !examples.ContainsKey(operation))
        {
            var example = new JsonObject { ["status"] = (int)response.StatusCode };
            if (sent is not null)
            {
                example["request"] = JsonNode.Parse(sent);
            }

            if (answer is not null)
            {
                example["response"] = answer.DeepClone();
            }

            examples[operation] = example;
        }

        return answer;
    }

    /// <summary>A one-line OFX 2.2 bank statement (its preview is the example).</summary>
    private const string StatementExample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
        <OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><STMTRS><CURDEF>USD</CURDEF>
        <BANKACCTFROM><BANKID>999999999</BANKID><ACCTID>000111222</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM><BANKTRANLIST>
        <STMTTRN><TRNTYPE>POS</TRNTYPE><DTPOSTED>20240117</DTPOSTED><TRNAMT>-42.10</TRNAMT><FITID>T-1001</FITID><NAME>CORNER GROCER #12</NAME></STMTTRN>
        </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
        """;

    private Task<JsonNode?> GetAsync(HttpClient client, string url) => SendAsync(client, HttpMethod.Get, url);

    private Task<JsonNode?> PostAsync(HttpClient client, string url, object? body = null) => SendAsync(client, HttpMethod.Post, url, body);

    private Task<JsonNode?> PutAsync(HttpClient client, string url, object body) => SendAsync(client, HttpMethod.Put, url, body);

    private static string Id(JsonNode? node, string property = "id") => node?[property]?.GetValue<string>() ?? "";

    private static long Version(JsonNode? node) => node?["version"]?.GetValue<long>() ?? 0;

    /// <summary>The scenario: the demo user's reads and writes, an operator's, an advisor's and anonymous ones.</summary>
    private async Task RunAsync()
    {
        using var me = app.CreateClient();
        using var anonymous = app.CreateAnonymousClient();
        using var admin = await app.CreateOperatorClientAsync();
        var advisorUser = await app.CreateUserAsync("advisor@example.com", roles: [Roles.Advisor], ownHousehold: false);
        using var advisor = app.CreateClient(advisorUser);
        const string v = "/api/v1";

        var households = await GetAsync(me, $"{v}/households");
        var h = Id(households?[0]);
        var hh = $"{v}/households/{h}";
        var accounts = (await GetAsync(me, $"{hh}/accounts"))!.AsArray();
        var brokerage = Id(accounts.First(a => a?["type"]?.GetValue<string>() == "TaxableBrokerage"));
        var people = (await GetAsync(me, $"{hh}/people"))!.AsArray();
        var used = (await GetAsync(me, $"{v}/instruments?householdId={h}&inUse=true&pageSize=5"))!["items"]!.AsArray();
        var (first, second) = (Id(used[0]), Id(used[1]));
        var positions = await GetAsync(me, $"{hh}/positions");
        var asOf = positions?["asOf"]?.GetValue<string>() ?? "2026-12-04";
        var year = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture).Year;
        var (from, to) = ($"{year - 1}-01-01", asOf);

        // Auth, anonymously.
        await PostAsync(anonymous, "/auth/register", new { email = "jamie@example.com", password = "a long example passphrase" });
        var tokens = await PostAsync(anonymous, "/auth/login", new { email = DemoUserEmail, password = DemoUserPassword });
        await PostAsync(anonymous, "/auth/refresh", new { refreshToken = Id(tokens, "refreshToken") });
        await GetAsync(anonymous, "/auth/external");

        // Households, people and accounts.
        var holiday = await PostAsync(me, $"{v}/households", new { name = "Rivera holiday fund", reportingCurrency = "USD" });
        await PutAsync(me, $"{v}/households/{Id(holiday)}", new { name = "Rivera holiday savings", reportingCurrency = "USD", version = Version(holiday) });
        var jamie = await PostAsync(me, $"{hh}/people", new { name = "Jamie Rivera", birthDate = "1990-05-14", filingStatus = "Single", country = "US", state = "CA" });
        await PutAsync(me, $"{hh}/people/{Id(jamie)}", new { name = "Jamie Rivera", birthDate = "1990-05-14", filingStatus = "Single", country = "US", state = "NY", retirementAge = 65 });
        var account = await PostAsync(me, $"{hh}/accounts",
            new { name = "Jamie's brokerage", type = "TaxableBrokerage", baseCurrency = "USD", institution = "Demo Brokerage", number = "BRK-0042", ownerId = Id(jamie), reliefMethod = "Fifo" });
        var a = Id(account);
        await PutAsync(me, $"{hh}/accounts/{a}", new { name = "Jamie's brokerage", institution = "Demo Brokerage", reliefMethod = "Hifo", version = Version(account) });

        // The ledger.
        var deposit = await PostAsync(me, $"{hh}/transactions", new { accountId = a, type = "Deposit", tradeDate = asOf, amount = 25000m, currency = "USD", memo = "Opening deposit" });
        await PutAsync(me, $"{hh}/transactions/{Id(deposit)}", new { accountId = a, type = "Deposit", tradeDate = asOf, amount = 30000m, currency = "USD", memo = "Opening deposit" });
        await PostAsync(me, $"{hh}/transactions", new { accountId = a, type = "Buy", tradeDate = asOf, instrumentId = first, quantity = 20m, price = 150.25m, fees = 1m, currency = "USD" });
        await PostAsync(me, $"{hh}/transactions/batch", new
        {
            transactions = new object[]
            {
                new { accountId = a, type = "Deposit", tradeDate = asOf, amount = 1000m, currency = "USD", externalId = "BRK-2026-0001" },
                new { accountId = a, type = "Fee", tradeDate = asOf, amount = 12.5m, currency = "USD", externalId = "BRK-2026-0002" },
            },
        });
        await PostAsync(me, $"{hh}/transactions/sell-preview", new { accountId = a, type = "Sell", tradeDate = asOf, instrumentId = first, quantity = 5m, price = 150m, currency = "USD" });

        // A household's own instrument and its closes.
        var fund = await PostAsync(me, $"{v}/instruments",
            new { symbol = "RIVFX", name = "Rivera Family Fund", type = "MutualFund", assetClass = "InternationalEquity", currency = "USD", exchange = "", householdId = h });
        await PutAsync(me, $"{v}/instruments/{Id(fund)}",
            new { symbol = "RIVFX", name = "Rivera Family International Fund", type = "MutualFund", assetClass = "InternationalEquity", currency = "USD", exchange = "", householdId = h });
        var bonds = await PostAsync(me, $"{v}/instruments",
            new { symbol = "RIVBX", name = "Rivera Family Bond Fund", type = "MutualFund", assetClass = "Bonds", currency = "USD", exchange = "", householdId = h });
        await PutAsync(me, $"{v}/instruments/{Id(fund)}/prices", new[] { new { date = asOf, close = 12.34m } });

        // Settings and targets.
        var profile = await GetAsync(me, $"{hh}/tax-profile");
        if (profile is JsonObject taxProfile)
        {
            taxProfile["shortTermRate"] = 0.35m;
            await PutAsync(me, $"{hh}/tax-profile", taxProfile);
        }

        var model = await PostAsync(me, $"{hh}/model-portfolios", new
        {
            name = "Balanced 60/40",
            description = "Sixty percent equities, forty percent bonds.",
            allocations = new object[] { new { assetClass = "UsEquity", weight = 0.45m }, new { assetClass = "InternationalEquity", weight = 0.15m }, new { assetClass = "Bonds", weight = 0.4m } },
        });
        await PutAsync(me, $"{hh}/model-portfolios/{Id(model)}", new
        {
            name = "Balanced 60/40",
            description = "Sixty percent equities, forty percent bonds, rebalanced yearly.",
            version = Version(model),
            allocations = new object[] { new { assetClass = "UsEquity", weight = 0.45m }, new { assetClass = "InternationalEquity", weight = 0.15m }, new { assetClass = "Bonds", weight = 0.4m } },
        });
        await PostAsync(me, $"{hh}/model-portfolios/generate", new { namePrefix = "Generated" });
        await PostAsync(me, $"{v}/assumptions/frontier", new
        {
            evaluate = new object[]
            {
                new { name = "Current holdings", weights = new Dictionary<string, double> { ["UsEquity"] = 0.55, ["Bonds"] = 0.35 } },
                new { name = "Target: Balanced 60/40", weights = new Dictionary<string, double> { ["UsEquity"] = 0.45, ["InternationalEquity"] = 0.15, ["Bonds"] = 0.4 } },
            },
        });
        await PostAsync(me, $"{hh}/risk-profile", new
        {
            personId = Id(jamie),
            answers = new[] { "c", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b", "b" },
            horizonYears = 25,
            incomeStability = "Stable",
            emergencyFundMonths = 4.0,
            debtServiceRatio = 0.15,
            dependants = 1,
        });
        await PutAsync(me, $"{hh}/rebalance-targets", new
        {
            modelPortfolioId = Id(model),
            absoluteBand = 0.05m,
            relativeBand = 0.25m,
            buyInstrumentIds = new Dictionary<string, string> { ["InternationalEquity"] = Id(fund), ["Bonds"] = Id(bonds) },
        });
        var target = await PostAsync(me, $"{hh}/rebalance-targets", new { accountId = brokerage, instrumentId = first, weight = 0.1m, absoluteBand = 0.05m, relativeBand = 0.25m });
        await PutAsync(me, $"{hh}/rebalance-targets/{Id(target)}", new { accountId = brokerage, instrumentId = first, weight = 0.12m, absoluteBand = 0.05m, relativeBand = 0.25m });
        await PostAsync(me, $"{hh}/replacement-funds", new { instrumentId = first, replacementId = second, rank = 1 });
        await PostAsync(me, $"{hh}/substantially-identical-pairs", new { firstInstrumentId = first, secondInstrumentId = second });
        await PutAsync(me, $"{hh}/fx-rates", new { date = asOf, @base = "EUR", quote = "USD", rate = 1.0842m });

        // Rebalancing, harvesting and orders.
        // The account's proposal comes before the household's is accepted: its pending orders would leave the account
        // nothing to trade, and the example would show no trades.
        await PostAsync(me, $"{v}/accounts/{brokerage}/rebalance", new { force = true });
        await PostAsync(me, $"{hh}/rebalance/preview", new { force = true });
        var proposal = await PostAsync(me, $"{hh}/rebalance", new { force = true });
        if (proposal is not null)
        {
            await GetAsync(me, $"{hh}/rebalance-proposals/{Id(proposal)}");
            await PostAsync(me, $"{hh}/rebalance-proposals/{Id(proposal)}/accept");
        }

        await PostAsync(me, $"{hh}/tax-loss-opportunities/proposals", new { accountId = brokerage });
        var order = await PostAsync(me, $"{v}/accounts/{brokerage}/orders", new { instrumentId = first, side = "Buy", quantity = 10m, type = "Limit", limitPrice = 100m });
        await GetAsync(me, $"{v}/accounts/{brokerage}/orders/{Id(order)}");
        await PostAsync(me, $"{v}/accounts/{brokerage}/orders/process");
        await PostAsync(me, $"{v}/accounts/{brokerage}/orders/{Id(order)}/cancel");
        await PutAsync(me, $"{v}/accounts/{brokerage}/import-mapping", new
        {
            date = "Trade Date",
            action = "Action",
            symbol = "Symbol",
            quantity = "Quantity",
            price = "Price",
            amount = "Amount",
            fees = "Fees",
            currency = "Currency",
            dateFormat = "MM/dd/yyyy",
            decimalSeparator = ".",
            actions = new Dictionary<string, string> { ["BOUGHT"] = "Buy", ["SOLD"] = "Sell", ["DIVIDEND"] = "Dividend" },
        });
        await PostAsync(me, $"{hh}/corporate-actions/confirm", new { ids = Array.Empty<string>(), all = true });

        // Plans and simulations.
        var scenario = JsonNode.Parse(PlanningEndpointsTest.Benchmark);
        var plan = await PostAsync(me, $"{hh}/plans", new { name = "Retirement at 67", scenario });
        var p = $"{hh}/plans/{Id(plan)}";
        await PutAsync(me, p, new { name = "Retirement at 66", scenario, version = Version(plan) });
        // A goal the plan tests, so the run below gives it a status.
        var goal = await PostAsync(me, $"{hh}/goals", new { name = "Retirement", kind = "Retirement", targetAmount = 1500000m, personId = Id(jamie), targetAge = 66, priority = 1, planId = Id(plan), fundingAccountIds = new[] { brokerage } });
        var g = $"{hh}/goals/{Id(goal)}";
        await PutAsync(me, g, new { name = "Retirement", kind = "Retirement", targetAmount = 1600000m, personId = Id(jamie), targetAge = 66, priority = 1, planId = Id(plan), fundingAccountIds = new[] { brokerage, a }, version = Version(goal) });
        var trip = await PostAsync(me, $"{hh}/goals", new { name = "Trip to Japan", kind = "Travel", targetAmount = 8000m, targetDate = $"{year + 2}-04-01", priority = 2 });
        await SendAsync(me, HttpMethod.Delete, $"{hh}/goals/{Id(trip)}");
        await PostAsync(me, $"{p}/preview", new { scenario, paths = 500, seed = 42 });
        // Waited for, so the run read back has its result every time (the recorded shape must not depend on timing).
        var run = await PostAsync(me, $"{p}/simulations?wait=true", new { paths = 1000, seed = 42 });
        await PostAsync(me, $"{p}/solve", new { @for = "saving", target = 0.9m, paths = 500, seed = 42 });
        await GetAsync(me, $"{p}/simulations/{Id(run)}");
        await GetAsync(me, $"{hh}/goals");
        var advice = (await GetAsync(me, $"{hh}/recommendations"))!["items"]!.AsArray();
        await PostAsync(me, $"{hh}/recommendations/{advice[0]!["key"]}/decision", new { status = "Dismissed", reason = "We keep this on purpose." });
        await GetAsync(me, g);
        var longer = await PostAsync(me, $"{p}/simulations", new { paths = 100000, seed = 7 });
        await PostAsync(me, $"{p}/simulations/{Id(longer)}/cancel");

        // Manual assets.
        var home = await PostAsync(me, $"{hh}/manual-assets", new { name = "Family home", kind = "Asset", category = "RealEstate", currency = "USD", amount = 650000m, date = asOf });
        var m = $"{hh}/manual-assets/{Id(home)}";
        await PutAsync(me, m, new { name = "Family home (Oakland)", kind = "Asset", category = "RealEstate", currency = "USD", version = Version(home) });
        var valued = await PostAsync(me, $"{m}/values", new { date = $"{year}-01-01", amount = 640000m });
        var value = valued?["values"]?.AsArray().FirstOrDefault(x => x?["date"]?.GetValue<string>() == $"{year}-01-01");
        await PutAsync(me, $"{m}/values/{Id(value)}", new { date = $"{year}-01-01", amount = 642500m });
        await SendAsync(me, HttpMethod.Delete, $"{m}/values/{Id(value)}");

        // Webhooks, advisors and notifications.
        var hook = await PostAsync(me, $"{hh}/webhooks", new { url = "https://hooks.example.com/glidepath", events = new[] { "transaction.created", "order.filled" } });
        var w = $"{hh}/webhooks/{Id(hook)}";
        await PutAsync(me, w, new { url = "https://hooks.example.com/glidepath", events = new[] { "transaction.created" }, enabled = true });
        var ping = await PostAsync(me, $"{w}/test");
        await GetAsync(me, $"{w}/deliveries");
        await PostAsync(me, $"{w}/deliveries/{Id(ping)}/redeliver");
        // Aggregation connections (docs/aggregation.md), against the test's Plaid stub.
        await PostAsync(me, $"{hh}/connections/link-token");
        var connection = await PostAsync(me, $"{hh}/connections", new { publicToken = Glidepath.Testing.Aggregation.PlaidStub.PublicToken, accounts = Array.Empty<object>() });
        var cn = $"{hh}/connections/{Id(connection)}";
        await PostAsync(me, $"{cn}/sync");
        await GetAsync(me, cn);
        await GetAsync(me, $"{hh}/connections");
        await SendAsync(me, HttpMethod.Delete, cn);
        await PostAsync(me, $"{hh}/advisor-grants", new { advisorEmail = advisorUser.Email, scope = "read" });
        await GetAsync(advisor, $"{v}/advisor/clients");
        // Advisor profile, hours, verification, matching and consultations (docs/advisors.md).
        var a0 = advisorUser.Id.ToString("D");
        await PutAsync(advisor, $"{v}/advisor/profile", new
        {
            displayName = "Dana Reyes",
            specialities = new[] { "retirement", "tax" },
            credentials = "CFP, CFA",
            languages = new[] { "en", "es" },
            timeZone = "America/New_York",
            feeModel = "hourly",
            feeNote = "USD 200 an hour",
            bio = "Retirement income and tax-aware investing.",
            slotMinutes = 60,
        });
        await GetAsync(advisor, $"{v}/advisor/profile");
        var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" };
        var dayOff = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await PutAsync(advisor, $"{v}/advisor/availability", new
        {
            weekly = weekdays.Select(d => new { day = d, start = "09:00", end = "17:00" }),
            exceptions = new object[] { new { date = dayOff }, new { date = dayOff, start = "09:00", end = "12:00" } },
        });
        await GetAsync(advisor, $"{v}/advisor/availability");
        await GetAsync(admin, $"{v}/admin/advisors");
        await SendAsync(admin, HttpMethod.Delete, $"{v}/admin/advisors/{a0}/verify");
        await PostAsync(admin, $"{v}/admin/advisors/{a0}/verify");
        await GetAsync(me, $"{hh}/advisors?need=retirement&language=en");
        var later = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var free = (await GetAsync(me, $"{hh}/advisors/{a0}/slots?from={later}&days=7&timeZone=Europe/London"))?["slots"]?.AsArray() ?? [];
        string Slot(int i) => free.Count > i ? free[i]?["startUtc"]?.GetValue<string>() ?? "" : "";
        var booking = await PostAsync(me, $"{hh}/consultations", new { advisorId = a0, startUtc = Slot(0), timeZone = "Europe/London", need = "retirement", shareHousehold = true });
        await PostAsync(me, $"{hh}/consultations/{Id(booking)}/reschedule", new { startUtc = Slot(1) });
        var past = await PostAsync(me, $"{hh}/consultations", new { advisorId = a0, startUtc = Slot(2), timeZone = "Europe/London" });
        await using (var db = app.CreateDbContext())
        {
            // The review needs a consultation that ended: this one is moved into the past, as if booked last week.
            var start = DateTime.SpecifyKind(DateTime.UtcNow.AddDays(-7), DateTimeKind.Utc);
            var pastId = Guid.Parse(Id(past));
            await db.Consultations.Where(c => c.Id == pastId).ExecuteUpdateAsync(x => x.SetProperty(c => c.StartUtc, start).SetProperty(c => c.EndUtc, start.AddHours(1)));
        }

        await PostAsync(me, $"{hh}/consultations/{Id(past)}/review", new { rating = 5, comment = "Clear about asset location and Roth conversions." });
        await GetAsync(me, $"{hh}/consultations");
        await GetAsync(advisor, $"{v}/advisor/consultations");
        await PostAsync(me, $"{hh}/consultations/{Id(booking)}/cancel");

        // Strategies (docs/strategies.md): published from a model portfolio, followed and copied by the holiday household,
        // reported by the advisor, moderated by an admin.
        var core = await PostAsync(me, $"{hh}/model-portfolios", new
        {
            name = "Dow 30 core",
            description = "All US large caps.",
            allocations = new object[] { new { assetClass = "UsEquity", weight = 1m } },
        });
        var strategy = await PostAsync(me, $"{hh}/strategies", new { modelPortfolioId = Id(core), name = "Dow 30 core", description = "US large caps only, back to target each quarter.", rebalancing = "Quarterly" });
        var sid = Id(strategy);
        await using (var db = app.CreateDbContext())
        {
            // Performance needs closes after publication: as if published two months before the demo's last close.
            var published = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture).AddMonths(-2);
            var strategyId = Guid.Parse(sid);
            await db.Strategies.Where(s => s.Id == strategyId).ExecuteUpdateAsync(x => x.SetProperty(s => s.PublishedOn, published));
            await db.StrategyRevisions.Where(r => r.StrategyId == strategyId).ExecuteUpdateAsync(x => x.SetProperty(r => r.EffectiveOn, published));
        }

        await GetAsync(me, $"{v}/strategies");
        await GetAsync(advisor, $"{v}/strategies/{sid}");
        await GetAsync(me, $"{v}/strategies/{sid}/performance?to={asOf}");
        var hol = $"{v}/households/{Id(holiday)}";
        await PutAsync(me, $"{hol}/strategy-follows/{sid}", new { });
        await GetAsync(me, $"{hol}/strategy-follows");
        await PutAsync(me, $"{v}/strategies/{sid}", new { description = "US large caps only, back to target each month.", rebalancing = "Monthly" });
        await PostAsync(me, $"{hol}/strategies/{sid}/copy", new { name = "Dow 30 core (copy)", setTargets = true });
        await PostAsync(advisor, $"{v}/strategies/{sid}/reports", new { reason = "The description promises more than the weights say." });
        await GetAsync(admin, $"{v}/admin/strategies");
        await PostAsync(admin, $"{v}/admin/strategies/{sid}/hide", new { reason = "Under review." });
        await SendAsync(admin, HttpMethod.Delete, $"{v}/admin/strategies/{sid}/hide");
        await SendAsync(me, HttpMethod.Delete, $"{hol}/strategy-follows/{sid}");

        // Learning articles (docs/learning.md): read by anyone, written by admins.
        await GetAsync(me, $"{v}/articles?topic=tax");
        var article = await GetAsync(me, $"{v}/articles/emergency-fund");
        await PutAsync(admin, $"{v}/admin/articles/emergency-fund", new
        {
            title = "The emergency fund",
            topics = new[] { "planning", "basics" },
            summary = "Three to six months of essential spending in cash keeps a job loss or a repair from becoming a forced sale at a bad time.",
            markdown = "# The emergency fund\n\nThree to six months of **essential spending**, in cash. See [rebalancing](/learn/rebalancing).\n",
            version = Version(article),
        });
        await PutAsync(me, $"{v}/notifications/preferences", new { preferences = new[] { new { eventType = "order.filled", channel = "email", enabled = false } }, dailyDigest = true });
        // Notifications come from the outbox in the background: wait (unrecorded) until the run's one has arrived,
        // so the recorded list is never empty on a fast or a slow machine.
        for (var tries = 0; tries < 60 && !(await me.GetStringAsync($"{v}/notifications")).Contains("\"eventType\"", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(500);
        }

        var notifications = await GetAsync(me, $"{v}/notifications");
        if (notifications?["items"]?.AsArray().FirstOrDefault() is { } notification)
        {
            await PostAsync(me, $"{v}/notifications/{Id(notification)}/read");
        }

        await PostAsync(me, $"{v}/notifications/read-all");
        await PostAsync(me, $"{v}/optimize", new
        {
            assets = new[] { "US equity", "Bonds" },
            input = "returns",
            objective = "min-variance",
            periodsPerYear = 12,
            data = new[] { new[] { 0.01m, 0.002m }, new[] { -0.02m, 0.004m }, new[] { 0.03m, 0.001m }, new[] { 0.005m, 0.003m }, new[] { -0.01m, 0.002m } },
        });

        // Imports (CSV in, JSON out: only the answer is an example).
        var symbol = used[0]?["symbol"]?.GetValue<string>();
        await SendAsync(me, HttpMethod.Post, $"{hh}/imports/transactions?accountId={a}", csv: $"Date,Type,Symbol,Quantity,Price,Fees,Amount\n{asOf},Deposit,,,,,500\n");
        await SendAsync(me, HttpMethod.Post, $"{hh}/imports/statement?accountId={a}&dryRun=true", csv: StatementExample, csvType: "application/x-ofx");
        await SendAsync(me, HttpMethod.Post, $"{hh}/imports/prices?symbol=RIVFX", csv: $"Date,Close\n{asOf},12.41\n");
        await SendAsync(me, HttpMethod.Post, $"{hh}/fx-rates/import", csv: $"Date,Base,Quote,Rate\n{asOf},GBP,USD,1.2712\n");
        await SendAsync(admin, HttpMethod.Post, $"{v}/imports/prices?symbol={symbol}", csv: $"Date,Close\n{asOf},151.02\n");
        await SendAsync(admin, HttpMethod.Post, $"{v}/admin/fx-rates/import", csv: $"Date,Base,Quote,Rate\n{asOf},CHF,USD,1.1320\n");

        // Categories and rules (docs/categories.md).
        var categories = (await GetAsync(me, $"{hh}/categories"))?.AsArray() ?? [];
        string Category(string path) => Id(categories.First(c => c?["path"]?.GetValue<string>() == path));
        var pets = await PostAsync(me, $"{hh}/categories", new { name = "Pets", kind = "Expense" });
        await PutAsync(me, $"{hh}/categories/{Id(pets)}", new { name = "Pets and vet", kind = "Expense" });
        await SendAsync(me, HttpMethod.Delete, $"{hh}/categories/{Id(pets)}?reassignTo={Category("Shopping")}");
        await PutAsync(me, $"{hh}/transactions/{Id(deposit)}/category", new { categoryId = Category("Transfers/Between own accounts"), payee = "Opening balance", tags = new[] { "setup" } });
        await GetAsync(me, $"{hh}/categories/transactions?pageSize=5");
        var rule = await PostAsync(me, $"{hh}/rules", new { name = "Groceries", payeePattern = "grocer", direction = "Outflow", maxAmount = 500m, setCategoryId = Category("Food/Groceries"), addTags = new[] { "food" } });
        await PutAsync(me, $"{hh}/rules/{Id(rule)}", new { name = "Groceries", payeePattern = "grocer|market", payeeMatch = "Regex", direction = "Outflow", maxAmount = 500m, setCategoryId = Category("Food/Groceries"), addTags = new[] { "food" } });
        await GetAsync(me, $"{hh}/rules/{Id(rule)}");
        await GetAsync(me, $"{hh}/rules");
        await PostAsync(me, $"{hh}/rules/{Id(rule)}/apply?dryRun=true");
        var spare = await PostAsync(me, $"{hh}/rules", new { name = "Opening deposit", memoPattern = "opening", setPayee = "Opening balance" });
        await SendAsync(me, HttpMethod.Delete, $"{hh}/rules/{Id(spare)}");

        // The learned categoriser (docs/categoriser.md): 60 rows categorised by two rules on import are enough labels to train
        // on; an uncategorised row's suggestion is stored as the import would store one below the threshold, then accepted.
        await PostAsync(me, $"{hh}/rules", new { name = "Coffee", payeePattern = "grind", direction = "Outflow", setCategoryId = Category("Food/Coffee") });
        var labelled = new StringBuilder("Date,Type,Amount,Memo\n");
        for (var i = 0; i < 60; i++)
        {
            labelled.Append(i % 2 == 0 ? $"2026-10-{1 + (i / 2):00},Withdrawal,4.20,Corner Grind Coffee — CARD 4412 CORNER GRIND COFFEE\n" : $"2026-10-{1 + (i / 2):00},Withdrawal,31.50,Harbour Market — POS HARBOUR MARKET {i}\n");
        }

        labelled.Append("2026-11-02,Withdrawal,18.00,Quill and Page — CARD 4412 QUILL AND PAGE\n");
        await SendAsync(me, HttpMethod.Post, $"{hh}/imports/transactions?accountId={a}", csv: labelled.ToString());
        await PostAsync(me, $"{hh}/categoriser/train");
        await GetAsync(me, $"{hh}/categoriser");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Glidepath.Infrastructure.Persistence.GlidepathDbContext>();
            var quill = (await db.Transactions.Where(t => t.AccountId == Guid.Parse(a)).ToListAsync()).Single(t => t.Memo?.StartsWith("Quill and Page", StringComparison.Ordinal) == true).Id;
            await db.TransactionCategories.Where(c => c.TransactionId == quill).ExecuteDeleteAsync();
            await db.CategorySuggestions.Where(c => c.TransactionId == quill).ExecuteDeleteAsync();
            db.CategorySuggestions.Add(new Glidepath.Domain.Categories.CategorySuggestion
            {
                TransactionId = quill,
                HouseholdId = Guid.Parse(h),
                CategoryId = Guid.Parse(Category("Food/Groceries")),
                Confidence = 0.62,
                ModelVersion = 1,
            });
            await db.SaveChangesAsync();
            await PostAsync(me, $"{hh}/transactions/{quill}/category/accept-suggestion");
        }

        // Budgets and cash flow (docs/budgets.md).
        var budgetMonth = asOf[..7];
        await PutAsync(me, $"{hh}/budgets/{Category("Food")}", new { amount = 600m, rollover = true, startMonth = budgetMonth });
        await PutAsync(me, $"{hh}/budgets/{Category("Shopping")}", new { amount = 250m, rollover = false, startMonth = budgetMonth });
        await SendAsync(me, HttpMethod.Delete, $"{hh}/budgets/{Category("Shopping")}");
        await PutAsync(me, $"{hh}/budgets/months/{budgetMonth}/fx-rates/EUR", new { rate = 1.08m });
        await GetAsync(me, $"{hh}/budgets/months/{budgetMonth}");
        await SendAsync(me, HttpMethod.Delete, $"{hh}/budgets/months/{budgetMonth}/fx-rates/EUR");

        // Second factor, step-up and sessions of the demo user.
        var enrolment = await PostAsync(me, $"{v}/me/mfa/totp");
        if (enrolment?["sharedKey"]?.GetValue<string>() is { } key)
        {
            await PostAsync(me, $"{v}/me/mfa/totp/confirm", new { code = Totp.Code(key, DateTimeOffset.UtcNow) });
            await PostAsync(me, $"{v}/me/step-up", new { totpCode = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
            await PostAsync(me, $"{v}/me/mfa/recovery-codes");
        }

        await SendAsync(me, HttpMethod.Delete, $"{v}/me/sessions");
        await PostAsync(anonymous, "/auth/forgot-password", new { email = DemoUserEmail });
        var signedIn = await PostAsync(anonymous, "/auth/login", new { email = "jamie@example.com", password = "a long example passphrase" });
        await PostAsync(anonymous, "/auth/logout", new { refreshToken = Id(signedIn, "refreshToken") });

        // Operators.
        await PutAsync(admin, $"{v}/admin/users/{advisorUser.Id}/roles", new { roles = new[] { "user", "advisor" } });
        await PutAsync(admin, $"{v}/admin/instruments/{first}/market-data", new { provider = "stooq", symbol = "msft.us" });
        await PostAsync(admin, $"{v}/admin/signing-keys/rotate");
        await PostAsync(admin, $"{v}/admin/prices/refresh", new { provider = "local", symbols = new[] { symbol }, from = asOf });
        await PostAsync(admin, $"{v}/admin/fx/refresh", new { provider = "ecb", from = asOf });
        await PostAsync(admin, $"{v}/admin/macro/refresh", new { series = new[] { "CPIAUCSL" } });
        var builtIn = Glidepath.Domain.Assumptions.DefaultAssumptions.Create(DateTimeOffset.UnixEpoch);
        await PostAsync(admin, $"{v}/assumptions", new
        {
            name = "House view, December",
            asOf = "2026-12-01",
            sources = "The built-in blend (docs/assumptions.md) with US equity's expected return lowered to 9 % by the investment committee.",
            classes = builtIn.Classes.Select(c => new { assetClass = c.AssetClass.ToString(), expectedReturn = c.AssetClass == Glidepath.Domain.Instruments.AssetClass.UsEquity ? 0.09 : Math.Round(c.ExpectedReturn, 4), volatility = Math.Round(c.Volatility, 4) }),
            correlations = builtIn.Correlations.Select(r => r.Select(x => Math.Round(x, 4))),
        });

        // Anomalies (docs/anomalies.md): the holiday household's card, 40 ordinary grocery days and one of 900.00 five days before
        // asOf, scanned as of asOf (one anomaly), listed and its alert dismissed.
        var trips = $"{v}/households/{Id(holiday)}";
        var card = await PostAsync(me, $"{trips}/accounts", new { name = "Holiday card", type = "Checking", baseCurrency = "USD", institution = "Demo Bank", number = "CARD-0042", reliefMethod = "Fifo" });
        var scanDay = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);
        var spending = new StringBuilder("Date,Type,Amount,Memo\n");
        spending.Append(System.Globalization.CultureInfo.InvariantCulture, $"{scanDay.AddDays(-46):yyyy-MM-dd},Deposit,5000.00,Holiday savings\n");
        for (var i = 0; i < 40; i++)
        {
            spending.Append(System.Globalization.CultureInfo.InvariantCulture, $"{scanDay.AddDays(-45 + i):yyyy-MM-dd},Withdrawal,{40 + (i * 7 % 23)}.{i * 13 % 100:00},TESCO STORES 1234\n");
        }

        spending.Append(System.Globalization.CultureInfo.InvariantCulture, $"{scanDay.AddDays(-5):yyyy-MM-dd},Withdrawal,900.00,TESCO STORES 1234\n");
        await SendAsync(me, HttpMethod.Post, $"{trips}/imports/transactions?accountId={Id(card)}", csv: spending.ToString());
        await PostAsync(me, $"{trips}/anomalies/scan", new { asOf });
        var found = (await GetAsync(me, $"{trips}/anomalies"))?["items"]?.AsArray();
        await PostAsync(me, $"{trips}/anomalies/{Id(found?.FirstOrDefault())}/dismiss");

        // Every GET the scenario did not reach yet, with the ids it made.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["householdId"] = h,
            ["accountId"] = brokerage,
            ["personId"] = Id(people[0]),
            ["instrumentId"] = first,
            ["planId"] = Id(plan),
            ["runId"] = Id(run),
            ["modelId"] = Id(model),
            ["manualAssetId"] = Id(home),
            ["webhookId"] = Id(hook),
            ["orderId"] = Id(order),
            ["name"] = "retention",
            ["provider"] = "stooq",
            ["transactionId"] = Id(deposit),
            ["proposalId"] = Id(proposal),
            ["version"] = "1",
        };
        var queries = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GetRealisedGains"] = $"?from={from}&to={to}",
            ["GetRealizedGains"] = $"?year={year - 1}",
            ["GetNetWorth"] = $"?from={from}&to={to}",
            ["GetAccountValues"] = $"?from={from}&to={to}",
            ["GetPerformance"] = $"?from={from}&to={to}",
            ["ListInstrumentPrices"] = $"?from={year}-11-01&to={to}",
            ["ListMissingFxRates"] = "?currency=EUR",
            ["SearchMarketDataProvider"] = "?q=MSFT",
            ["ListTransactions"] = "?pageSize=3",
            ["GetCashFlow"] = $"?from={year}-01-01&to={to}",
            ["ListInstruments"] = $"?householdId={h}&inUse=true&pageSize=3",
        };
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || get.GetProperty("operationId").GetString() is not { } id || examples.ContainsKey(id)
                || id is "StartExternalSignIn")
            {
                continue;
            }

            var url = ParameterPattern().Replace(path.Name, match => ids.GetValueOrDefault(match.Value.Trim('{', '}'), match.Value));
            if (url.Contains('{', StringComparison.Ordinal))
            {
                Failures.Add($"GET {path.Name} ({id}): no id for its path");
                continue;
            }

            var client = path.Name.StartsWith("/api/v1/admin", StringComparison.Ordinal) || path.Name.StartsWith("/health", StringComparison.Ordinal) ? admin : me;
            await GetAsync(client, url + queries.GetValueOrDefault(id, ""));
        }
    }

    private const string DemoUserEmail = "demo@glidepath.local";

    private const string DemoUserPassword = "glidepath demo household";

    /// <summary>Stable ids (the n-th distinct id seen becomes the n-th made-up one) and placeholders for secrets.</summary>
    private static JsonObject Normalise(SortedDictionary<string, JsonObject> recorded)
    {
        var all = new JsonObject();
        foreach (var (id, example) in recorded)
        {
            Redact(example);
            Trim(example);
            all[id] = example;
        }

        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = GuidPattern().Replace(all.ToJsonString(), match =>
        {
            if (!ids.TryGetValue(match.Value, out var stable))
            {
                var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("glidepath-example-" + ids.Count))[..16];
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
                bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
                ids[match.Value] = stable = new Guid(bytes).ToString();
            }

            return stable;
        });
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Long lists cut to their first <see cref="MaxItems"/> (the document stays small; a count such as totalCount keeps its value).</summary>
    private static void Trim(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            while (array.Count > MaxItems)
            {
                array.RemoveAt(array.Count - 1);
            }
        }

        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a.AsEnumerable(), _ => [] })
        {
            Trim(child);
        }
    }

    private const int MaxItems = 3;

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (SecretNames.Contains(name, StringComparer.OrdinalIgnoreCase) && o[name] is { } secret)
                    {
                        o[name] = secret is JsonArray list ? new JsonArray([.. list.Select(_ => JsonValue.Create($"<{name}>"))]) : JsonValue.Create($"<{name}>");
                    }
                    else
                    {
                        Redact(o[name]);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Redact(item);
                }

                break;
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
