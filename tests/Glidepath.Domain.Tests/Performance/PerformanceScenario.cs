using System.Globalization;
using System.Text.Json;
using Glidepath.Domain.Households;
using Glidepath.Domain.Instruments;
using Glidepath.Domain.Performance;
using Glidepath.Domain.Pricing;
using Glidepath.Domain.Transactions;
using Glidepath.Domain.Valuation;

namespace Glidepath.Domain.Tests.Performance;

/// <summary>The ledger of Fixtures/performance_fixture.json (written by make_performance.py) as domain objects.</summary>
internal sealed class PerformanceScenario
{
    private PerformanceScenario(JsonElement root)
    {
        Root = root;
        Accounts = [.. root.GetProperty("accounts").EnumerateArray().Select(a => new Account
        {
            Id = Guid.Parse(a.GetProperty("id").GetString()!),
            Name = a.GetProperty("name").GetString()!,
            Type = Enum.Parse<AccountType>(a.GetProperty("type").GetString()!),
        })];
        Instruments = [.. root.GetProperty("instruments").EnumerateArray().Select(i => new Instrument
        {
            Id = Guid.Parse(i.GetProperty("id").GetString()!),
            Symbol = i.GetProperty("symbol").GetString()!,
            AssetClass = Enum.Parse<AssetClass>(i.GetProperty("assetClass").GetString()!),
        })];
        var bySymbol = Instruments.ToDictionary(i => i.Symbol);
        Prices = new PriceBook(
            root.GetProperty("closes").EnumerateArray().Select(c => new PriceClose(
                bySymbol[c.GetProperty("symbol").GetString()!].Id, Date(c.GetProperty("date")), c.GetProperty("close").GetDecimal())),
            []);
        Transactions = [.. root.GetProperty("transactions").EnumerateArray().Select(t =>
        {
            var date = Date(t.GetProperty("date"));
            var symbol = t.GetProperty("symbol").ValueKind == JsonValueKind.Null ? null : t.GetProperty("symbol").GetString();
            var transfer = t.GetProperty("transfer").ValueKind == JsonValueKind.Null ? (Guid?)null : Guid.Parse(t.GetProperty("transfer").GetString()!);
            return new Transaction
            {
                Id = Guid.Parse(t.GetProperty("id").GetString()!),
                AccountId = Guid.Parse(t.GetProperty("account").GetString()!),
                Type = Enum.Parse<TransactionType>(t.GetProperty("type").GetString()!),
                TradeDate = date,
                SettlementDate = date,
                InstrumentId = symbol is null ? null : bySymbol[symbol].Id,
                Quantity = t.GetProperty("quantity").GetDecimal(),
                Price = t.GetProperty("price").GetDecimal(),
                Fees = t.GetProperty("fees").GetDecimal(),
                Amount = t.GetProperty("amount").GetDecimal(),
                TransferId = transfer,
            };
        })];
        BySymbol = bySymbol;
    }

    public JsonElement Root { get; }

    public List<Account> Accounts { get; }

    public List<Instrument> Instruments { get; }

    public Dictionary<string, Instrument> BySymbol { get; }

    public PriceBook Prices { get; }

    public List<Transaction> Transactions { get; }

    public static PerformanceScenario Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Performance", "Fixtures", "performance_fixture.json")));
        return new PerformanceScenario(doc.RootElement.Clone());
    }

    public JsonElement Query(string name) => Root.GetProperty("queries").EnumerateArray().Single(q => q.GetProperty("name").GetString() == name);

    public PerformanceRequest Request(JsonElement query)
    {
        static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
        var account = Text(query.GetProperty("account"));
        var symbol = Text(query.GetProperty("symbol"));
        var benchmark = Text(query.GetProperty("benchmark"));
        return new PerformanceRequest(
            Date(query.GetProperty("from")),
            Date(query.GetProperty("to")),
            Glidepath.Domain.Currencies.Currency.Usd,
            new PerformanceScope(account is null ? null : Guid.Parse(account), symbol is null ? null : BySymbol[symbol].Id),
            benchmark is null ? null : BySymbol[benchmark].Id,
            query.GetProperty("riskFree").GetDouble());
    }

    public static DateOnly Date(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
