using System.Net;
using System.Text;
using Glidepath.Domain.Calendar;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Imports;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Transactions;

/// <summary>One valid date range (1900-01-01 to 2199-12-31) for the API and the CSV import alike.</summary>
public class DateRangeTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ApiAndCsvImport_AcceptTheSameDates(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var url = $"/api/households/{household.Id}";
        var cases = new (string Date, bool Valid)[]
        {
            ("0001-01-01", false), ("1899-12-31", false), ("1900-01-01", true), ("2199-12-31", true), ("2200-01-01", false), ("9999-12-31", false),
        };

        foreach (var (date, valid) in cases)
        {
            var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(valid, ValidDates.Contains(day));
            var api = await client.PostAsync($"{url}/transactions", Deposit(account.Id, day, 1m));
            Assert.True(valid ? api.StatusCode == HttpStatusCode.Created : api.StatusCode == HttpStatusCode.BadRequest, $"API {date}: {(int)api.StatusCode}");

            var csv = $"Date,Type,Symbol,Quantity,Price,Fees,Amount\n{date},Deposit,,,,,2\n";
            var import = await client.PostAsync($"{url}/imports/transactions?accountId={account.Id}", new StringContent(csv, Encoding.UTF8, "text/csv"));
            if (valid)
            {
                Assert.Equal(1, (await import.ReadAsync<ImportResultDto>()).Imported);
            }
            else
            {
                var problem = await import.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "import-rejected");
                Assert.Equal("Date", problem.GetProperty("errors")[0].GetProperty("column").GetString());
            }
        }
    }

    /// <summary>The fuzz suite found <c>tax-loss-opportunities?asOf=9999-12-31</c> answering 500 (date arithmetic past DateOnly.MaxValue).</summary>
    [Fact]
    public async Task QueryDatesOutsideTheRange_Answer400_OnEveryRoute()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";
        foreach (var query in new[]
        {
            "tax-loss-opportunities?asOf=9999-12-31", "alerts?asOf=9999-12-31", "positions?asOf=0001-01-01", "lots?asOf=2200-01-01",
            "valuation?date=9999-12-31", "net-worth?from=0001-01-01&to=2000-01-01", "performance?from=2000-01-01&to=9999-12-31",
        })
        {
            var problem = await (await client.GetAsync($"{url}/{query}")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), query);
        }

        await (await client.GetAsync($"{url}/positions?asOf=2199-12-31")).ReadAsync<object>(HttpStatusCode.OK);
    }
}
