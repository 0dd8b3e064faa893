using System.Text.Json.Nodes;
using Glidepath.Client;
using Glidepath.Client.Generated;
using Glidepath.Client.Generated.Models;
using Glidepath.Server.Tests.Hosting;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Glidepath.Server.Tests.Client;

/// <summary>
/// The generated .NET client (src/Glidepath.Client, Kiota, from web/src/api/openapi.json) against the running server
/// with the demo household: every GET of the demo household's data and the main writes are called through the
/// generated request builders, and each answer's JSON, read into the generated model and written back, is the same
/// JSON (every field the server sends is a field of the model, with its type; nothing lands in AdditionalData).
/// </summary>
public class GeneratedClientTest
{
    [Fact]
    public async Task EveryDemoHouseholdRead_RoundTripsThroughTheGeneratedModels()
    {
        await using var app = await GlidepathApp.StartAsync(global::Glidepath.Infrastructure.Persistence.DatabaseProvider.Sqlite, seedDemoData: true);
        using var http = app.CreateClient();
        var adapter = GlidepathClientFactory.CreateAdapter(http.BaseAddress!, httpClient: http);
        var client = new GlidepathApiClient(adapter);
        var households = await client.Api.V1.Households.GetAsync();
        var h = Assert.Single(households!).Id!.Value;
        var house = client.Api.V1.Households[h];
        var accounts = await house.Accounts.GetAsync();
        var account = accounts![0].Id!.Value;
        var transactions = await house.Transactions.GetAsync();
        var instruments = await client.Api.V1.Instruments.GetAsync();
        var instrument = instruments!.Items![0].Id!.Value;
        var to = new Date(2026, 1, 2);
        var from = new Date(2025, 1, 2);
        var checkedRoutes = new List<string>
        {
            await ObjectAsync(adapter, client.Api.V1.Me.ToGetRequestInformation(), MeDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, client.Api.V1.Households.ToGetRequestInformation(), HouseholdDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.ToGetRequestInformation(), HouseholdDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.Accounts.ToGetRequestInformation(), AccountDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.Accounts[account].ToGetRequestInformation(), AccountDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.People.ToGetRequestInformation(), PersonDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.Transactions.ToGetRequestInformation(), TransactionPage.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.Transactions[transactions!.Items![0].Id!.Value].ToGetRequestInformation(), TransactionDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.Positions.ToGetRequestInformation(), PositionsDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.Lots.ToGetRequestInformation(), LotDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.RealisedGains.ToGetRequestInformation(r => (r.QueryParameters.From, r.QueryParameters.To) = (new Date(2000, 1, 1), to)), RealisedGainsDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.Valuation.ToGetRequestInformation(), ValuationDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.NetWorth.ToGetRequestInformation(r => (r.QueryParameters.From, r.QueryParameters.To) = (from, to)), NetWorthDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.Performance.ToGetRequestInformation(r => (r.QueryParameters.From, r.QueryParameters.To) = (from, to)), PerformanceDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.TaxLossOpportunities.ToGetRequestInformation(), HarvestScan.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.Alerts.ToGetRequestInformation(), AlertsDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.Orders.ToGetRequestInformation(), OrderDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.Plans.ToGetRequestInformation(), PlanDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.ModelPortfolios.ToGetRequestInformation(), ModelPortfolioDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.RebalanceTargets.ToGetRequestInformation(), RebalanceTargetDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.TaxProfile.ToGetRequestInformation(), TaxProfileDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.ReplacementFunds.ToGetRequestInformation(), ReplacementDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.SubstantiallyIdenticalPairs.ToGetRequestInformation(), IdenticalPairDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.ManualAssets.ToGetRequestInformation(), ManualAssetDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.FxRates.ToGetRequestInformation(), FxRateDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, house.FxRates.Missing.ToGetRequestInformation(r => r.QueryParameters.Currency = "EUR"), FxCoverageDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.AdvisorGrants.ToGetRequestInformation(), GrantDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, house.Webhooks.ToGetRequestInformation(), WebhookDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, client.Api.V1.Instruments.ToGetRequestInformation(), InstrumentPage.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, client.Api.V1.Instruments[instrument].ToGetRequestInformation(), InstrumentDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, client.Api.V1.Instruments[instrument].Prices.ToGetRequestInformation(r => (r.QueryParameters.From, r.QueryParameters.To) = (from, to)), PriceDto.CreateFromDiscriminatorValue),
            await ObjectAsync(adapter, client.Api.V1.ModelPortfolios.Assumptions.ToGetRequestInformation(), ModelAssumptionsDto.CreateFromDiscriminatorValue),
            await ListAsync(adapter, client.Api.V1.Me.Sessions.ToGetRequestInformation(), SessionDto.CreateFromDiscriminatorValue),
        };

        Assert.Equal(33, checkedRoutes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task TheMainWrites_GoThroughTheGeneratedBuilders_AndTheirAnswersRoundTrip()
    {
        await using var app = await GlidepathApp.StartAsync(global::Glidepath.Infrastructure.Persistence.DatabaseProvider.Sqlite);
        using var http = app.CreateClient();
        var adapter = GlidepathClientFactory.CreateAdapter(http.BaseAddress!, httpClient: http);
        var client = new GlidepathApiClient(adapter);

        var household = await client.Api.V1.Households.PostAsync(new CreateHouseholdRequest { Name = "Client test", ReportingCurrency = "USD" });
        var house = client.Api.V1.Households[household!.Id!.Value];
        var account = await house.Accounts.PostAsync(new CreateAccountRequest { Name = "Brokerage", Type = AccountType.TaxableBrokerage, BaseCurrency = "USD" });
        var deposit = await house.Transactions.PostAsync(new TransactionRequest
        {
            AccountId = account!.Id,
            Type = TransactionType.Deposit,
            TradeDate = new Date(2025, 1, 2),
            Amount = 1000.50m,
            Currency = "USD",
        });
        var renamed = await house.PutAsync(new UpdateHouseholdRequest { Name = "Renamed", ReportingCurrency = "USD", Version = household.Version });
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.V1.Households[Guid.NewGuid()].GetAsync());

        Assert.Equal(1000.50m, deposit!.Amount);
        Assert.Equal("Renamed", renamed!.Name);
        Assert.Equal(404, problem.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        await ObjectAsync(adapter, house.Transactions[deposit.Id!.Value].ToGetRequestInformation(), TransactionDto.CreateFromDiscriminatorValue);
        await ObjectAsync(adapter, house.Positions.ToGetRequestInformation(), PositionsDto.CreateFromDiscriminatorValue);
    }

    /// <summary>Sends the generated request, reads the answer into the generated model, writes it back and compares the JSON.</summary>
    private static async Task<string> ObjectAsync<T>(IRequestAdapter adapter, RequestInformation request, ParsableFactory<T> factory)
        where T : IParsable
    {
        var raw = await RawAsync(adapter, request);
        var model = await KiotaJsonSerializer.DeserializeAsync(raw, factory);
        Assert.True(model is not null, $"{request.UrlTemplate}: no body");
        AssertSame(request, raw, await KiotaJsonSerializer.SerializeAsStringAsync(model));
        return request.UrlTemplate!;
    }

    private static async Task<string> ListAsync<T>(IRequestAdapter adapter, RequestInformation request, ParsableFactory<T> factory)
        where T : IParsable
    {
        var raw = await RawAsync(adapter, request);
        var models = await KiotaJsonSerializer.DeserializeCollectionAsync(raw, factory);
        AssertSame(request, raw, await KiotaJsonSerializer.SerializeAsStringAsync(models));
        return request.UrlTemplate!;
    }

    private static async Task<string> RawAsync(IRequestAdapter adapter, RequestInformation request)
    {
        Stream? answer;
        try
        {
            answer = await adapter.SendPrimitiveAsync<Stream>(request, new() { ["XXX"] = ProblemDetails.CreateFromDiscriminatorValue });
        }
        catch (ApiException problem)
        {
            throw new Xunit.Sdk.XunitException($"{request.UrlTemplate}: {ProblemText.Describe(problem)}");
        }

        await using var body = answer;
        Assert.True(body is not null, $"{request.UrlTemplate}: no body");
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync();
    }

    private static void AssertSame(RequestInformation request, string raw, string roundTripped)
    {
        var differences = JsonSame.Differences(raw, roundTripped);
        Assert.True(differences.Count == 0, $"{request.UrlTemplate}: {string.Join("; ", differences.Take(5))}");
    }
}
