using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Health;
using Glidepath.Server.Realtime;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Server.Tests.ScaleOut;

/// <summary>
/// Two server instances on one database and one real Redis (<c>GLIDEPATH_TEST_REDIS</c>, which scripts/test starts;
/// the tests fail, never skip, without it), as <c>scripts/cluster</c> runs them: one rate-limit budget per user, one
/// expensive-read budget, an Idempotency-Key answer replayed by the other instance, a SignalR message sent on one
/// instance heard by a client of the other, and Redis in <c>/health/detailed</c>. Each test has its own key prefix,
/// so tests sharing the Redis never meet.
/// </summary>
public sealed class ScaleOutTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>The connection string of the tests' redis-server.</summary>
    public static string Redis =>
        Environment.GetEnvironmentVariable("GLIDEPATH_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("GLIDEPATH_TEST_REDIS is not set: start a redis-server (scripts/lib/redis.sh; scripts/test does) and export its host:port.");

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ApiBudget_IsOnePerUserOverBothInstances_The61stRequestIs429OnEither(DatabaseProvider provider)
    {
        await using var cluster = await TwoInstances.StartAsync(provider, new() { ["RateLimits:ApiPerMinute"] = "60" });
        var user = await cluster.One.CreateUserAsync();
        var clients = new[] { cluster.One.CreateClient(user), cluster.Two.CreateClient(user) };
        var other = cluster.Two.CreateClient(await cluster.One.CreateUserAsync());

        // 60 requests alternating between the instances: each answer counts down the one budget.
        var remaining = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var answer = await clients[i % 2].GetAsync("/api/households");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            remaining.Add(answer.Headers.GetValues("RateLimit").Single().Split(';')[1]);
        }

        var onTwo = await clients[1].GetAsync("/api/households");
        var onOne = await clients[0].GetAsync("/api/households");

        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"r={59 - i}"), remaining);
        await onTwo.ReadProblemAsync(HttpStatusCode.TooManyRequests, AuthErrorCodes.RateLimited);
        await onOne.ReadProblemAsync(HttpStatusCode.TooManyRequests, AuthErrorCodes.RateLimited);
        Assert.InRange(onTwo.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("\"api\";q=60;w=60", onTwo.Headers.GetValues("RateLimit-Policy").Single());
        // Another user's budget is untouched.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/households")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ReadCostBudget_IsSharedByBothInstances(DatabaseProvider provider)
    {
        // 20 units a minute, 10 a read: two expensive reads, then the bucket needs half a minute to hold a third.
        await using var cluster = await TwoInstances.StartAsync(provider, new() { ["RateLimits:ReadCostPerMinute"] = "20", ["RateLimits:ExpensiveReadCost"] = "10" });
        var user = await cluster.One.CreateUserAsync();
        var url = $"/api/households/{user.HouseholdId}/positions";

        var first = await cluster.One.CreateClient(user).GetAsync(url);
        var second = await cluster.Two.CreateClient(user).GetAsync(url);
        var third = await cluster.One.CreateClient(user).GetAsync(url);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        await third.ReadProblemAsync(HttpStatusCode.TooManyRequests, AuthErrorCodes.RateLimited);
        Assert.InRange(third.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(31));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task IdempotencyKey_AnswerKeptByOneInstance_IsReplayedByTheOther_AndAnotherBodyIsRefusedThere(DatabaseProvider provider)
    {
        await using var cluster = await TwoInstances.StartAsync(provider);
        var user = await cluster.One.CreateUserAsync(ownHousehold: false);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Create(GlidepathApp app, string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/households") { Content = JsonContent.Create(new { name, reportingCurrency = "USD" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await app.CreateClient(user).SendAsync(request);
        }

        var created = await Create(cluster.One, "Retried elsewhere");
        var replayed = await Create(cluster.Two, "Retried elsewhere");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (created.StatusCode, replayed.StatusCode));
        Assert.Equal(created.Headers.Location, replayed.Headers.Location);
        Assert.Equal(await created.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(created.Headers.Contains("Idempotent-Replayed"));
        var households = await (await cluster.Two.CreateClient(user).GetAsync("/api/households")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(households.EnumerateArray(), h => h.GetProperty("name").GetString() == "Retried elsewhere");
        await (await Create(cluster.Two, "Another body")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task HubMessage_SentOnOneInstance_ReachesAClientOfTheOther_InItsHouseholdOnly(DatabaseProvider provider)
    {
        await using var cluster = await TwoInstances.StartAsync(provider);
        var owner = await cluster.One.CreateUserAsync();
        var stranger = await cluster.One.CreateUserAsync();
        await using var ownerHub = await ConnectAsync(cluster.Two, owner.AccessToken);
        await using var strangerHub = await ConnectAsync(cluster.Two, stranger.AccessToken);
        var ownerAlerts = Listen<AlertsChangedMessage>(ownerHub, PortfolioMessages.AlertsChanged);
        var strangerAlerts = Listen<AlertsChangedMessage>(strangerHub, PortfolioMessages.AlertsChanged);
        await ownerHub.InvokeAsync("JoinHousehold", owner.HouseholdId);
        await strangerHub.InvokeAsync("JoinHousehold", stranger.HouseholdId);

        var notifier = cluster.One.Services.GetRequiredService<PortfolioNotifier>();
        await notifier.AlertsChangedAsync([owner.HouseholdId!.Value], CancellationToken.None);

        using var timeout = new CancellationTokenSource(Wait);
        Assert.Equal(new AlertsChangedMessage(owner.HouseholdId.Value), await ownerAlerts.ReadAsync(timeout.Token));
        await notifier.AlertsChangedAsync([stranger.HouseholdId!.Value], CancellationToken.None);
        // Messages of one channel arrive in order: had the owner's also reached the stranger, it would come first.
        Assert.Equal(new AlertsChangedMessage(stranger.HouseholdId.Value), await strangerAlerts.ReadAsync(timeout.Token));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task DetailedHealth_ReportsRedis_WhenConfigured_AndNothingWithout(DatabaseProvider provider)
    {
        await using var cluster = await TwoInstances.StartAsync(provider);
        await using var alone = await GlidepathApp.StartAsync(provider);

        var shared = await (await (await cluster.Two.CreateOperatorClientAsync()).GetAsync("/health/detailed")).ReadAsync<DetailedHealthDto>();
        var single = await (await (await alone.CreateOperatorClientAsync()).GetAsync("/health/detailed")).ReadAsync<DetailedHealthDto>();

        Assert.True(shared.Redis is { Reachable: true, PingMilliseconds: >= 0 }, $"Redis: {shared.Redis}");
        Assert.Null(single.Redis);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RedisDown_RequestsStillAnswer_AndHealthIsDegraded(DatabaseProvider provider)
    {
        // A port nothing listens on: every Redis call fails at once, and each instance's own counters decide.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await GlidepathApp.StartOnAsync(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:9,connectTimeout=500",
            ["RateLimits:ApiPerMinute"] = "3",
        });
        var client = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.GetAsync("/api/households")).StatusCode);
        }

        var health = await (await app.CreateOperatorClientAsync()).GetAsync("/health/detailed");
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        var body = await health.ReadAsync<DetailedHealthDto>();
        Assert.Equal(("degraded", false), (body.Status, body.Redis?.Reachable));
    }

    private static async Task<HubConnection> ConnectAsync(GlidepathApp app, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, PortfolioHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static ChannelReader<T> Listen<T>(HubConnection connection, string method)
    {
        var channel = Channel.CreateUnbounded<T>();
        connection.On<T>(method, message => channel.Writer.TryWrite(message));
        return channel.Reader;
    }

    /// <summary>Two servers on one database, one Redis (a key prefix of their own) and one signing-key folder, as scripts/cluster runs them.</summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private readonly TestDatabase database;
        private readonly string keyFolder;

        private TwoInstances(TestDatabase database, string keyFolder, GlidepathApp one, GlidepathApp two)
        {
            this.database = database;
            this.keyFolder = keyFolder;
            One = one;
            Two = two;
        }

        public GlidepathApp One { get; }

        public GlidepathApp Two { get; }

        public static async Task<TwoInstances> StartAsync(DatabaseProvider provider, Dictionary<string, string?>? settings = null)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var keyFolder = Path.Combine(Path.GetTempPath(), "glidepath-keys-" + Guid.NewGuid().ToString("N"));
            var shared = new Dictionary<string, string?>(settings ?? [])
            {
                ["ConnectionStrings:Redis"] = Redis,
                ["Redis:KeyPrefix"] = $"test-{Guid.NewGuid():N}:",
                ["Auth:KeyFolder"] = keyFolder,
            };
            var one = await GlidepathApp.StartOnAsync(database, shared);
            var two = await GlidepathApp.StartOnAsync(database, shared);
            return new TwoInstances(database, keyFolder, one, two);
        }

        public async ValueTask DisposeAsync()
        {
            await Two.DisposeAsync();
            await One.DisposeAsync();
            await database.DisposeAsync();
            if (Directory.Exists(keyFolder))
            {
                Directory.Delete(keyFolder, recursive: true);
            }
        }
    }
}
