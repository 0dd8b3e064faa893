using System.Net;
using System.Threading.Channels;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.Planning;
using Glidepath.Server.Realtime;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Tests.Planning;
using Glidepath.Application.Transactions;
using Glidepath.Testing.Databases;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Glidepath.Server.Tests.Realtime;

/// <summary>
/// <c>/hubs/portfolio</c> with the .NET SignalR client against the test server: who may join which
/// household's group, and that price updates and run progress reach the members and no one else.
/// </summary>
public sealed class PortfolioHubTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task PricePut_ReachesTheHoldingHouseholdsMember_StrangerCannotJoinAndHearsNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var msft = await app.MsftAsync();
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        await BuyMsftAsync(app, owner, msft.Id);
        await BuyMsftAsync(app, stranger, msft.Id);

        await using var ownerHub = await ConnectAsync(app, owner.AccessToken);
        await using var strangerHub = await ConnectAsync(app, stranger.AccessToken);
        var ownerPrices = Listen<PricesUpdatedMessage>(ownerHub, PortfolioMessages.PricesUpdated);
        var ownerAlerts = Listen<AlertsChangedMessage>(ownerHub, PortfolioMessages.AlertsChanged);
        var strangerPrices = Listen<PricesUpdatedMessage>(strangerHub, PortfolioMessages.PricesUpdated);
        await ownerHub.InvokeAsync("JoinHousehold", owner.HouseholdId);

        var refused = await Assert.ThrowsAsync<HubException>(() => strangerHub.InvokeAsync("JoinHousehold", owner.HouseholdId));
        Assert.Contains($"Household {owner.HouseholdId} does not exist", refused.Message, StringComparison.Ordinal);
        await strangerHub.InvokeAsync("JoinHousehold", stranger.HouseholdId);

        var operatorClient = await app.CreateOperatorClientAsync();
        await (await operatorClient.PutAsync($"/api/instruments/{msft.Id}/prices", new[] { new PriceDto(new DateOnly(2001, 1, 2), 43.5m) })).ReadAsync<List<PriceDto>>();

        Assert.Equal(new PricesUpdatedMessage(owner.HouseholdId!.Value, new DateOnly(2001, 1, 2)), await ownerPrices.ReadAsync(Timeout()));
        Assert.Equal(new AlertsChangedMessage(owner.HouseholdId.Value), await ownerAlerts.ReadAsync(Timeout()));

        // The stranger hears only their own household's copy of the same update: had the refused join
        // put them in the owner's group, that message would have come first on their connection.
        Assert.Equal(stranger.HouseholdId, (await strangerPrices.ReadAsync(Timeout())).HouseholdId);
        await Task.Delay(200);
        Assert.False(strangerPrices.TryRead(out var extra), $"the stranger also heard {extra}");
        Assert.False(ownerPrices.TryRead(out var ownerExtra), $"the owner also heard {ownerExtra}");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Anonymous_IsRefused_AndAnInvalidTokenToo(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);

        await using var anonymous = Build(app, accessToken: null);
        var noToken = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        await using var forged = Build(app, accessToken: "not-a-token");
        var badToken = await Assert.ThrowsAsync<HttpRequestException>(() => forged.StartAsync());

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (noToken.StatusCode, badToken.StatusCode));
        var negotiate = await app.CreateAnonymousClient().PostAsync(PortfolioHub.Path + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RunProgress_ReachesTheRunsOwner_MidRunAndAtTheEnd_NotAStranger(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider, settings: new Dictionary<string, string?>
        {
            ["Glidepath:SimulationRuns:ProgressInterval"] = "00:00:00.050",
        });
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        await using var ownerHub = await ConnectAsync(app, owner.AccessToken);
        await using var strangerHub = await ConnectAsync(app, stranger.AccessToken);
        var progress = Listen<RunProgressMessage>(ownerHub, PortfolioMessages.RunProgress);
        var overheard = Listen<RunProgressMessage>(strangerHub, PortfolioMessages.RunProgress);
        await ownerHub.InvokeAsync("JoinHousehold", owner.HouseholdId);
        await strangerHub.InvokeAsync("JoinHousehold", stranger.HouseholdId);

        var client = app.CreateClient(owner);
        var plan = await PlanningEndpointsTest.CreatePlanAsync(client, owner.HouseholdId!.Value);
        app.SimulationGate.Close();
        var run = await (await client.PostAsync($"/api/households/{owner.HouseholdId}/plans/{plan.Id}/simulations", new SimulateRequest(20_000, 3)))
            .ReadAsync<SimulationRunDto>(HttpStatusCode.Accepted);

        RunProgressMessage midway;
        do
        {
            midway = await progress.ReadAsync(Timeout()); // the worker may store 0 before the engine's first report
        }
        while (midway.Progress == 0);

        Assert.Equal((run.Id, "Running"), (midway.RunId, midway.Status));
        Assert.True(midway.Progress is > 0 and < 1, $"progress {midway.Progress} mid-run");
        app.SimulationGate.Open();

        RunProgressMessage last;
        do
        {
            last = await progress.ReadAsync(Timeout());
        }
        while (last.Status == "Running");

        Assert.Equal((run.Id, "Succeeded", 1.0), (last.RunId, last.Status, last.Progress));
        Assert.False(overheard.TryRead(out var heard), $"the stranger heard {heard}");
    }

    private static async Task BuyMsftAsync(GlidepathApp app, TestUser user, Guid msftId)
    {
        var client = app.CreateClient(user);
        var account = await client.AccountAsync(user.HouseholdId!.Value);
        (await client.PostAsync($"/api/households/{user.HouseholdId}/transactions/batch", new TransactionBatchRequest(
        [
            Fixtures.Deposit(account.Id, new DateOnly(1998, 1, 2), 10_000m),
            Fixtures.Buy(account.Id, msftId, new DateOnly(1998, 1, 2), 10m, 32.78m),
        ]))).EnsureSuccessStatusCode();
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Wait).Token;

    private static async Task<HubConnection> ConnectAsync(GlidepathApp app, string accessToken)
    {
        var connection = Build(app, accessToken);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Long polling through the test server's handler; the token goes as the bearer header, as on /api.</summary>
    private static HubConnection Build(GlidepathApp app, string? accessToken) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, PortfolioHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .Build();

    private static ChannelReader<T> Listen<T>(HubConnection connection, string method)
    {
        var channel = Channel.CreateUnbounded<T>();
        connection.On<T>(method, message => channel.Writer.TryWrite(message));
        return channel.Reader;
    }
}
