using System.Net;
using System.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.Extensions.Logging;

namespace Glidepath.Server.Tests.Fuzzing;

/// <summary>The inputs that once answered 500 (issue 14, and what the fuzz suite found): each must be a 4xx problem.</summary>
public class BadInputTest
{
    public static TheoryData<string, string> Overflowing => new()
    {
        { "min-variance", "[[1e308,-1e308],[-1e308,1e308],[1e308,-1e308]]" },
        { "max-sharpe", "[[1e308,-1e308],[-1e308,1e308],[1e308,-1e308]]" },
        { "risk-parity", "[[1e308,-1e308],[-1e308,1e308],[1e308,-1e308]]" },
        { "frontier", "[[1e308,-1e308],[-1e308,1e308],[1e308,-1e308]]" },
        { "min-variance", "[[1e308,1e308],[1e308,1e308],[1e308,1e308]]" },
        { "max-sharpe", "[[1e308,1e308],[1e308,1e308],[-1e308,1e308]]" },
        { "risk-parity", "[[1e308,1e308],[1e308,1e308],[-1e308,1e308]]" },
    };

    [Theory]
    [MemberData(nameof(Overflowing))]
    public async Task Optimize_NumbersOverflowingToInfinity_Answers400(string objective, string data)
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        using var body = Json($$"""{"assets":["a","b"],"data":{{data}},"objective":"{{objective}}"}""");
        var problem = await (await app.CreateClient().PostAsync("/api/optimize", body)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("returns", out _), problem.ToString());
        AssertNoErrorLogged(app);
    }

    public static TheoryData<string, string> BadMultipart => new()
    {
        { "bad boundary", "multipart/form-data; boundary=\"" + new string('b', 100) + "\"" },
        { "no boundary", "multipart/form-data" },
        { "empty boundary", "multipart/form-data; boundary=" },
    };

    [Theory]
    [MemberData(nameof(BadMultipart))]
    public async Task Import_MultipartWithABadBoundary_Answers400(string name, string contentType)
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var (client, url) = await TransactionImportAsync(app);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ndate,amount\r\n--x--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await client.PostAsync(url, content);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNoErrorLogged(app);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Import_MultipartWithTenThousandParts_Answers413Or400(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var (client, url) = await TransactionImportAsync(app);
        using var form = new MultipartFormDataContent("fuzz");
        for (var i = 0; i < 10_000; i++)
        {
            form.Add(new StringContent("x"), "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await client.PostAsync(url, form);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNoErrorLogged(app);
    }

    /// <summary>Found by the fuzz suite: two generates at once both passed the name check and the loser's insert answered 500.</summary>
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task GenerateModelPortfolios_ConcurrentRequests_Answer200Or409_Never500(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsync($"/api/households/{household.Id}/model-portfolios/generate", Json("null"))));
        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        var errors = app.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception}");
        Assert.True(statuses.All(s => s is 200 or 409), $"{string.Join(", ", statuses)}\n{string.Join("\n", errors)}");
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        }
    }

    internal static async Task<(HttpClient Client, string Url)> TransactionImportAsync(GlidepathApp app)
    {
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var account = await client.AccountAsync(household.Id);
        return (client, $"/api/households/{household.Id}/imports/transactions?accountId={account.Id}");
    }

    /// <summary>Found by the full-scale JSON-route fuzz run after the session-5 merges (seed 4267804546362694960).</summary>
    [Fact]
    public async Task NullListElements_AndARebalanceDateOutOfRange_Answer400()
    {
        await using var app = await GlidepathApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var household = await client.HouseholdAsync();
        var url = $"/api/households/{household.Id}";

        using (var batch = Json("""{"transactions":[null]}"""))
        {
            await (await client.PostAsync($"{url}/transactions/batch", batch)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }

        foreach (var asOf in new[] { "9999-12-31", "0001-01-01" })
        {
            using var rebalance = Json($$"""{"force":false,"asOf":"{{asOf}}","assetLocation":false}""");
            await (await client.PostAsync($"{url}/rebalance", rebalance)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }

        // Seed 9118127319555174538 (session 6): a null allocation was a NullReferenceException.
        using (var model = Json("""{"name":"M","allocations":[null]}"""))
        {
            await (await client.PostAsync($"{url}/model-portfolios", model)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }

        var admin = await app.CreateOperatorClientAsync();
        using (var roles = Json("""{"roles":[null]}"""))
        {
            await (await admin.PutAsync($"/api/admin/users/{app.DefaultUser.Id}/roles", roles)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        }

        AssertNoErrorLogged(app);
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    internal static void AssertNoErrorLogged(GlidepathApp app)
    {
        var errors = app.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
    }
}
