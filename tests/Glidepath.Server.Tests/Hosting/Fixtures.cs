using Glidepath.Application.Accounts;
using Glidepath.Application.Households;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Transactions;
using Glidepath.Server.Accounts;
using Glidepath.Server.Households;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Application.Transactions;

namespace Glidepath.Server.Tests.Hosting;

/// <summary>Creates households, accounts and instruments through the API, and builds transaction requests.</summary>
public static class Fixtures
{
    /// <summary>Real MSFT closes (split-adjusted) from examples/data/dowjones30_daily_prices.csv.</summary>
    public static readonly PriceDto[] MsftCloses =
    [
        new(new DateOnly(1998, 1, 2), 32.78m), new(new DateOnly(1998, 6, 1), 41.88m), new(new DateOnly(1999, 1, 4), 70.5m),
        new(new DateOnly(1999, 6, 1), 78.5m), new(new DateOnly(1999, 12, 31), 116.75m), new(new DateOnly(2000, 6, 1), 64.56m),
        new(new DateOnly(2000, 12, 29), 43.38m),
    ];

    public static async Task<HouseholdDto> HouseholdAsync(this HttpClient client, string name = "Test household") =>
        await (await client.PostAsync("/api/households", new CreateHouseholdRequest(name, "USD"))).ReadAsync<HouseholdDto>(System.Net.HttpStatusCode.Created);

    public static async Task<AccountDto> AccountAsync(
        this HttpClient client, Guid householdId, AccountType type = AccountType.TaxableBrokerage, LotReliefMethod relief = LotReliefMethod.Fifo, string name = "Brokerage") =>
        await (await client.PostAsync($"/api/households/{householdId}/accounts",
                new CreateAccountRequest(name, type, "USD", "Test Bank", "1234567890", null, relief)))
            .ReadAsync<AccountDto>(System.Net.HttpStatusCode.Created);

    /// <summary>MSFT, a shared instrument (created by an operator), with its real closes of 1998–2000.</summary>
    public static async Task<InstrumentDto> MsftAsync(this GlidepathApp app)
    {
        var client = await app.CreateOperatorClientAsync();
        var instrument = await (await client.PostAsync("/api/instruments",
                new InstrumentRequest("MSFT", "Microsoft", InstrumentType.Stock, AssetClass.UsEquity, "USD", "NASDAQ", null)))
            .ReadAsync<InstrumentDto>(System.Net.HttpStatusCode.Created);
        await (await client.PutAsync($"/api/instruments/{instrument.Id}/prices", MsftCloses)).ReadAsync<List<PriceDto>>();
        return instrument;
    }

    public static TransactionRequest Tx(
        Guid accountId,
        TransactionType type,
        DateOnly tradeDate,
        Guid? instrumentId = null,
        decimal? quantity = null,
        decimal? price = null,
        decimal? fees = null,
        decimal? amount = null,
        string? externalId = null,
        IReadOnlyList<LotSelectionDto>? lots = null) =>
        new(accountId, type, tradeDate, null, instrumentId, quantity, price, fees, amount, null, null, null, null, null, lots, externalId, null);

    public static TransactionRequest Deposit(Guid accountId, DateOnly date, decimal amount) => Tx(accountId, TransactionType.Deposit, date, amount: amount);

    public static TransactionRequest Buy(Guid accountId, Guid instrumentId, DateOnly date, decimal quantity, decimal price, decimal fees = 0m) =>
        Tx(accountId, TransactionType.Buy, date, instrumentId, quantity, price, fees);

    public static TransactionRequest Sell(Guid accountId, Guid instrumentId, DateOnly date, decimal quantity, decimal price, decimal fees = 0m) =>
        Tx(accountId, TransactionType.Sell, date, instrumentId, quantity, price, fees);
}
