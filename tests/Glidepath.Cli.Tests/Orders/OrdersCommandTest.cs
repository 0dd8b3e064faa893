using Glidepath.Cli.Tests.Commands;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Rebalancing;
using Glidepath.Domain.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Cli.Tests.Orders;

public class OrdersCommandTest
{
    // Real MSFT closes (examples/data/dowjones30_daily_prices.csv); the file has closes only, so open, high and low repeat them.
    private const string Prices = """
        Date,Open,High,Low,Close,Adj Close,Volume
        1998-01-05,32.59,32.59,32.59,32.59,32.59,0
        1998-01-06,32.78,32.78,32.78,32.78,32.78,0
        1998-01-07,32.39,32.39,32.39,32.39,32.39,0
        """;

    private const string Cash = """
        Date,Type,Symbol,Quantity,Price,Fees,Amount
        1997-12-31,Deposit,,,,,10000
        """;

    /// <summary>The paper broker with no commission or slippage fills a market order at the first close after its day: 01-06's 32.78.</summary>
    [Fact]
    public async Task Process_AsOfADate_FillsAtTheFirstCloseAfterTheOrder_Once()
    {
        await using var cli = await CliRun.StartAsync();
        var (household, account) = await cli.HouseholdAsync();
        Assert.Equal(0, (await cli.RunAsync("import", "prices", cli.File("msft.csv", Prices), "--symbol", "MSFT")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("import", "transactions", cli.File("cash.csv", Cash), "--account", account.ToString())).ExitCode);
        Guid orderId;
        await using (var db = cli.Database.CreateDbContext())
        {
            var msft = await db.Instruments.SingleAsync(i => i.Symbol == "MSFT");
            var placed = new DateTimeOffset(1998, 1, 5, 15, 0, 0, TimeSpan.Zero);
            var order = new Order
            {
                HouseholdId = household,
                AccountId = account,
                InstrumentId = msft.Id,
                Side = TradeSide.Buy,
                Quantity = 10m,
                Price = 32.59m,
                CreatedUtc = placed,
                UpdatedUtc = placed,
            };
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;
        }

        var (exit, stdout, stderr) = await cli.RunAsync("orders", "process", "--as-of", "1998-01-16");
        var again = await cli.RunAsync("orders", "process", "--as-of", "1998-01-16");

        Assert.Equal((0, ""), (exit, stderr));
        Assert.StartsWith("1 open orders: 1 submitted, 1 fills (1 orders filled)", stdout, StringComparison.Ordinal);
        Assert.StartsWith("0 open orders", again.Out, StringComparison.Ordinal);
        await using (var db = cli.Database.CreateDbContext())
        {
            Assert.Equal(OrderStatus.Filled, (await db.Orders.SingleAsync()).Status);
            var buy = await db.Transactions.SingleAsync(t => t.Type == TransactionType.Buy);
            Assert.Equal((10m, 32.78m, new DateOnly(1998, 1, 6), $"order:{orderId:N}:1"), (buy.Quantity, buy.Price, buy.TradeDate, buy.ExternalId));
        }
    }
}
