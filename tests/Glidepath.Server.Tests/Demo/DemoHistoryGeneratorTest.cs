using System.Text.Json;
using Glidepath.Domain.Ledger;
using Glidepath.Domain.Transactions;
using Glidepath.Server.Demo;

namespace Glidepath.Server.Tests.Demo;

public class DemoHistoryGeneratorTest
{
    [Fact]
    public void Generate_SameSeedAndPrices_GivesTheSameHistory_ThatTheLedgerAccepts()
    {
        var first = Generate();
        var second = Generate();

        Assert.Equal(JsonSerializer.Serialize(first.History), JsonSerializer.Serialize(second.History));
        var ledger = LedgerBuilder.Build(first.Demo.Accounts, first.History);
        Assert.True(ledger.Succeeded, ledger.ToString());
        foreach (var type in new[] { TransactionType.Sell, TransactionType.DividendReinvested, TransactionType.TransferIn, TransactionType.Fee, TransactionType.Interest })
        {
            Assert.Contains(first.History, t => t.Type == type);
        }

        Assert.Contains(first.History, t => t.LotSelections.Count > 0);
    }

    /// <summary>The shipped price file, read by the seeder's own reader without the importer: the test is about the generator alone.</summary>
    private static (DemoHousehold Demo, IReadOnlyList<Transaction> History) Generate()
    {
        var random = new Random(DemoHistoryGenerator.Seed);
        Guid NewId() => DemoIds.Next(random);
        var instruments = DowJonesInstruments.Create(NewId).ToDictionary(i => i.Symbol, i => i.Id, StringComparer.Ordinal);
        var end = new DateOnly(2000, 12, 31);
        var closes = DemoPriceFile.Read(Path.Combine(AppContext.BaseDirectory, "DemoData", "dowjones30_daily_prices.csv")).Closes(instruments, end);
        var demo = DemoHousehold.Create(NewId, DateTimeOffset.UnixEpoch);
        return (demo, DemoHistoryGenerator.Generate(demo, instruments, new DemoPriceTable(closes), random, end));
    }
}
