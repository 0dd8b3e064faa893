using Glidepath.Server.Api;
using System.Net;
using System.Net.Http.Json;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Server.Transactions;
using Glidepath.Testing.Databases;
using static Glidepath.Server.Tests.Hosting.Fixtures;

namespace Glidepath.Server.Tests.Transactions;

/// <summary>Concurrent retries with one Idempotency-Key: one booking, one 201, and the same body as 200 for every other.</summary>
public class IdempotencyTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Post_HundredConcurrentRetriesWithOneKey_AnswerTheFirstResponse(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        var url = $"/api/households/{household.Id}/transactions";

        using var start = new ManualResetEventSlim();
        var posts = Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = JsonContent.Create(Deposit(account.Id, new DateOnly(2024, 1, 2), 500m), options: ApiClient.Json),
            };
            request.Headers.Add(IdempotencyKeys.Header, "deposit-2024-001");
            using var response = await app.CreateClient().SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(posts);

        var statuses = answers.GroupBy(a => a.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses.Keys.All(s => s is HttpStatusCode.Created or HttpStatusCode.OK), string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}")));
        Assert.Equal(1, statuses[HttpStatusCode.Created]);
        Assert.Equal(99, statuses[HttpStatusCode.OK]);
        var bodies = answers.Select(a => a.Body).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(bodies.Count == 1, string.Join(Environment.NewLine, bodies));

        var page = await (await client.GetAsync(url)).ReadAsync<TransactionPage>();
        Assert.Equal(1, page.TotalCount);
    }
}
