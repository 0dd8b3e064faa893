using Glidepath.Application.Learning;
using Glidepath.Server.Api;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;

namespace Glidepath.Server.Learning;

/// <summary>
/// Learning articles (docs/learning.md), onto <see cref="LearningArticles"/>: anyone signed in lists and reads
/// (<c>/api/articles</c>); admins create and change them (<c>PUT /api/admin/articles/{slug}</c>).
/// </summary>
public static class LearningEndpoints
{
    public static IEndpointRouteBuilder MapLearningEndpoints(this IEndpointRouteBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags("Learning");
        articles.MapGet("", List).WithName("ListArticles").WithSummary("List learning articles")
            .WithDescription("Every article's slug, title, topics, summary and reading time (200 words a minute, rounded up), by title; topic filters.")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        articles.MapGet("/{slug}", Get).WithName("GetArticle").WithSummary("Read a learning article")
            .WithDescription("The article as sanitised HTML (no scripts, event handlers or javascript: links) and its Markdown, with the reading time and version.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        var admin = api.MapGroup("/admin/articles").WithTags("Admin").RequireAuthorization(AuthPolicies.Admin);
        admin.MapPut("/{slug}", Save).WithName("SaveArticle").WithSummary("Write a learning article")
            .WithDescription("Creates the article under the slug (201) or replaces its title, topics, summary and Markdown (200; send the version read, a stale one is 409). Admins only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<List<ArticleSummaryDto>>, ProblemAnswer>> List(string? topic, LearningArticles articles, CancellationToken ct) =>
        (await articles.ListAsync(topic, ct)).ToHttp(list => TypedResults.Ok(list.ToList()));

    private static async Task<Results<Ok<ArticleDto>, ProblemAnswer>> Get(string slug, LearningArticles articles, CancellationToken ct) =>
        (await articles.GetAsync(slug, ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Created<ArticleDto>, Ok<ArticleDto>, ProblemAnswer>> Save(
        string slug, ArticleRequest request, HttpContext http, LearningArticles articles, CancellationToken ct) =>
        (await articles.SaveAsync(slug, http.User.UserId(), request, ct)).TryGet(out var saved, out var problem)
            ? saved.Created ? TypedResults.Created($"/api/articles/{slug}", saved.Article) : TypedResults.Ok(saved.Article)
            : problem.ToHttp();
}
