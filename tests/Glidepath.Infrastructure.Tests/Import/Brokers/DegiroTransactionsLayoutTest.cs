using Glidepath.Domain.Currencies;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Testing.Databases;

namespace Glidepath.Infrastructure.Tests.Import.Brokers;

public sealed class DegiroTransactionsLayoutTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task GermanTransactions_BuyAndSellByIsin_MatchTheGesamtColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sample = await BrokerSample.CreateAsync(database, "degiro_degiro-pit_Transactions.csv", Currency.Eur);

        var result = await sample.ImportTwiceAsync("degiro-transactions");

        Assert.Equal(sample.Rows, result.Imported);
        Assert.Equal(["DE0007164600"], result.CreatedInstruments);
        // Wert of both trades less the transaction costs (fee_sum_by_currency). The sample's sale states Gesamt
        // 3181.8, two euros more than its Wert 3182.40 less costs 2.60: the obfuscated example does not add up.
        var fees = decimal.Parse(sample.Expected.GetProperty("fee_sum_by_currency").GetProperty("EUR").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(-2921.70m + 3182.40m + fees, await sample.CashAsync());
        Assert.Empty(await sample.PositionsAsync());
    }
}
