using System.Net;
using Glidepath.Domain.Instruments;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Application.Instruments;
using Glidepath.Server.Instruments;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;

namespace Glidepath.Server.Tests.Instruments;

public class InstrumentEndpointsTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Instruments_CreateReadUpdateDeleteAndPrices_RoundTrip(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = await app.CreateOperatorClientAsync();

        var msft = await app.MsftAsync();
        var listed = await (await app.CreateClient().GetAsync("/api/instruments?symbol=msft")).ReadAsync<InstrumentPage>();
        Assert.Equal((msft.Id, (Guid?)null, false), (Assert.Single(listed.Items).Id, listed.Items[0].HouseholdId, listed.Items[0].Editable));
        var prices = await (await client.GetAsync($"/api/instruments/{msft.Id}/prices?from=1999-01-01&to=1999-12-31")).ReadAsync<List<PriceDto>>();
        Assert.Equal([70.5m, 78.5m, 116.75m], prices.Select(p => p.Close));
        // A null close in the list (found by the fuzz suite) is a 400 naming it, and stores nothing.
        using (var nullClose = new StringContent("[{\"date\":\"1999-06-01\",\"close\":1},null]", System.Text.Encoding.UTF8, "application/json"))
        {
            await (await client.PutAsync($"/api/instruments/{msft.Id}/prices", nullClose)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }

        Assert.Equal(3, (await (await client.GetAsync($"/api/instruments/{msft.Id}/prices?from=1999-01-01&to=1999-12-31")).ReadAsync<List<PriceDto>>()).Count);

        var renamed = await (await client.PutAsync($"/api/instruments/{msft.Id}",
            new InstrumentRequest("MSFT", "Microsoft Corporation", InstrumentType.Stock, AssetClass.UsEquity, "USD", "NASDAQ", "US5949181045")))
            .ReadAsync<InstrumentDto>();
        Assert.Equal(("Microsoft Corporation", "US5949181045"), (renamed.Name, renamed.Isin));

        var duplicate = await client.PostAsync("/api/instruments", new InstrumentRequest("MSFT", "", InstrumentType.Stock, AssetClass.UsEquity, null, "NASDAQ", null));
        await duplicate.ReadProblemAsync(HttpStatusCode.Conflict, "duplicate-instrument");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/instruments/{msft.Id}")).StatusCode);
        await (await client.GetAsync($"/api/instruments/{msft.Id}/prices")).ReadProblemAsync(HttpStatusCode.NotFound, "instrument-not-found");
    }
}
