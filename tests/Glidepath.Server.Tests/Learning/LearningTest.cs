using System.Net;
using Glidepath.Application.Learning;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Tests.Hosting;
using Glidepath.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Tests.Learning;

/// <summary>Learning articles (docs/learning.md): the starter set, safe rendering, reading time, admin-only writes.</summary>
public class LearningTest
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task StarterSet_IsSeeded_WithStableSlugs_AndReadingTimes(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var client = app.CreateClient();

        var list = await (await client.GetAsync("/api/articles")).ReadAsync<List<ArticleSummaryDto>>();
        Assert.True(list.Count >= 10, $"{list.Count} articles");
        Assert.Contains(list, a => a.Slug == "tax-loss-harvesting" && a.Topics.Contains("tax"));
        foreach (var slug in new[] { "wash-sale-rule", "rebalancing", "asset-location", "emergency-fund", "monte-carlo-success-probability", "risk-tolerance-vs-capacity", "fees",
            "diversification-and-concentration", "sequence-of-returns-risk", "roth-conversions", "required-minimum-distributions" })
        {
            Assert.Contains(list, a => a.Slug == slug);
        }

        var article = await (await client.GetAsync("/api/articles/tax-loss-harvesting")).ReadAsync<ArticleDto>();
        Assert.Contains("<h1", article.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/learn/wash-sale-rule\"", article.Html, StringComparison.Ordinal);
        Assert.Equal((article.Words + 199) / 200, article.ReadingMinutes);
        var retirement = await (await client.GetAsync("/api/articles?topic=retirement")).ReadAsync<List<ArticleSummaryDto>>();
        Assert.Equal(list.Where(a => a.Topics.Contains("retirement")).Select(a => a.Slug), retirement.Select(a => a.Slug));
        Assert.Contains("required-minimum-distributions", retirement.Select(a => a.Slug));
        await (await client.GetAsync("/api/articles?topic=astrology")).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/articles/no-such-article")).ReadProblemAsync(HttpStatusCode.NotFound, "article-not-found");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task AdminsWrite_ScriptsAndHandlersAndJavascriptLinksAreRemoved(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        using var admin = await app.CreateOperatorClientAsync();
        const string hostile = """
            # Hello

            Some **bold** advice. <script>alert('script')</script>

            <img src="chart.png" onerror="alert('onerror')" alt="chart">

            [click me](javascript:alert('link')) and <a href="javascript:alert('raw')" onclick="alert('click')">raw</a> and [safe](/learn/fees).

            <iframe src="https://evil.example"></iframe><p style="background:url(javascript:alert('css'))">styled</p>
            """;

        var created = await (await admin.PutAsync("/api/admin/articles/safety-check", new ArticleRequest("Safety check", ["basics"], "Checks the sanitiser.", hostile)))
            .ReadAsync<ArticleDto>(HttpStatusCode.Created);
        var html = (await (await app.CreateClient().GetAsync("/api/articles/safety-check")).ReadAsync<ArticleDto>()).Html;

        foreach (var banned in new[] { "<script", "alert(", "onerror", "onclick", "javascript:", "<iframe", "style=" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/learn/fees\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"chart.png\" alt=\"chart\">", html, StringComparison.Ordinal);
        Assert.Equal(hostile.Replace("\r\n", "\n", StringComparison.Ordinal), created.Markdown); // the Markdown is kept as written; only the HTML is cleaned

        // An edit with the version read; a second edit with the same (now stale) version is 409.
        var edited = await (await admin.PutAsync("/api/admin/articles/safety-check", new ArticleRequest("Safety, checked", ["basics", "risk"], "", "Plain text now.", created.Version)))
            .ReadAsync<ArticleDto>();
        Assert.Equal(("Safety, checked", 2L), (edited.Title, edited.Version));
        await (await admin.PutAsync("/api/admin/articles/safety-check", new ArticleRequest("Stale", ["basics"], "", "Stale.", created.Version)))
            .ReadProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");
        Assert.Equal("Safety, checked", (await (await admin.GetAsync("/api/articles/safety-check")).ReadAsync<ArticleDto>()).Title);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task OnlyAdmins_Write_AndBadInputStoresNothing(DatabaseProvider provider)
    {
        await using var app = await GlidepathApp.StartAsync(provider);
        var advisor = await app.CreateUserAsync(roles: [Roles.Advisor]);
        var request = new ArticleRequest("Mine", ["basics"], "", "Text.");

        await (await app.CreateClient().PutAsync("/api/admin/articles/fees", request)).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.CreateClient(advisor).PutAsync("/api/admin/articles/new-one", request)).ReadProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var admin = await app.CreateOperatorClientAsync();
        await (await admin.PutAsync("/api/admin/articles/Not A Slug", request)).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await admin.PutAsync("/api/admin/articles/new-one", request with { Topics = ["astrology"] })).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await admin.PutAsync("/api/admin/articles/new-one", request with { Markdown = " " })).ReadProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        await using var db = app.CreateDbContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Slug == "new-one" || a.Title == "Mine"));
        Assert.Equal("Fees compound too", (await db.Articles.SingleAsync(a => a.Slug == "fees")).Title);
    }
}
