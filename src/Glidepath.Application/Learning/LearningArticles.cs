using System.Text.RegularExpressions;
using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Learning;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Learning;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Learning;

/// <summary>An article in a list: no body.</summary>
public sealed record ArticleSummaryDto(string Slug, string Title, IReadOnlyList<string> Topics, string Summary, int ReadingMinutes, DateTimeOffset UpdatedUtc);

/// <summary>An article to read: the sanitised HTML, and the Markdown and version for an admin's edit.</summary>
public sealed record ArticleDto(
    string Slug, string Title, IReadOnlyList<string> Topics, string Summary, int ReadingMinutes, int Words, string Html, string Markdown, DateTimeOffset UpdatedUtc, long Version);

/// <summary>An admin's new or changed article; <paramref name="Version"/> (the one read) guards a change against a parallel one.</summary>
public sealed record ArticleRequest(string? Title, IReadOnlyList<string>? Topics, string? Summary, string? Markdown, long? Version = null);

public static class LearningErrorCodes
{
    public const string ArticleNotFound = "article-not-found";
}

/// <summary>
/// Learning articles (docs/learning.md): everyone signed in lists and reads them, rendered from Markdown and sanitised
/// on each read (<see cref="ArticleRenderer"/>); admins write them (<see cref="SaveAsync"/>, create or change by slug).
/// </summary>
public sealed partial class LearningArticles(GlidepathDbContext db, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ArticleSummaryDto>>> ListAsync(string? topic, CancellationToken ct)
    {
        if (topic is not null && !ArticleTopics.IsTopic(topic))
        {
            return Problem.Invalid("topic", "The topic is one of " + string.Join(", ", ArticleTopics.All) + ".");
        }

        var articles = await db.Articles.AsNoTracking().ToListAsync(ct);
        return articles.Where(a => topic is null || TopicsOf(a).Contains(topic, StringComparer.Ordinal))
            .OrderBy(a => a.Title, StringComparer.Ordinal).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .Select(a => new ArticleSummaryDto(a.Slug, a.Title, TopicsOf(a), a.Summary, ReadingTime.Minutes(a.Markdown), a.UpdatedUtc)).ToList();
    }

    public async Task<Result<ArticleDto>> GetAsync(string slug, CancellationToken ct) =>
        await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct) is { } article ? ToDto(article) : NotFound(slug);

    /// <summary>Creates the article when the slug is new (<c>Created</c> true), else replaces its fields.</summary>
    public async Task<Result<(ArticleDto Article, bool Created)>> SaveAsync(string slug, Guid adminId, ArticleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var topics = request.Topics?.Select(t => (t ?? "").Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var checks = new InputChecks()
            .Check(SlugPattern().IsMatch(slug) && slug.Length <= ArticleLimits.Slug, "slug", "A slug is lower-case words and digits joined by hyphens, up to 100 characters.")
            .Check(!string.IsNullOrWhiteSpace(request.Title), "title", "A title is required.")
            .CheckLength(request.Title, "title", TextLimits.Name)
            .Check(topics is { Count: > 0 and <= 4 } && topics.TrueForAll(ArticleTopics.IsTopic), "topics", "Name 1 to 4 topics from: " + string.Join(", ", ArticleTopics.All) + ".")
            .CheckLength(request.Summary, "summary", TextLimits.Description)
            .Check(!string.IsNullOrWhiteSpace(request.Markdown), "markdown", "The article needs a text.")
            .CheckLength(request.Markdown, "markdown", ArticleLimits.Markdown);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        var created = article is null;
        if (article is null)
        {
            article = new Article { Slug = slug, Title = "" };
            db.Articles.Add(article);
        }
        else
        {
            if (request.Version is { } version)
            {
                db.Entry(article).Property(a => a.Version).OriginalValue = version;
            }

            article.Version++;
        }

        article.Title = request.Title!.Trim();
        article.Topics = string.Join(',', topics!);
        article.Summary = request.Summary?.Trim() ?? "";
        article.Markdown = request.Markdown!.Replace("\r\n", "\n", StringComparison.Ordinal);
        article.UpdatedUtc = clock.GetUtcNow();
        article.UpdatedBy = adminId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version (no row updated) or a parallel create of the same slug.
            db.Entry(article).State = EntityState.Detached;
            return Problem.Conflict(ErrorCodes.ConcurrencyConflict, "The article changed since you read it; read it again and repeat the change.");
        }

        return (ToDto(article), created);
    }

    private static ArticleDto ToDto(Article a) =>
        new(a.Slug, a.Title, TopicsOf(a), a.Summary, ReadingTime.Minutes(a.Markdown), ReadingTime.Words(a.Markdown), ArticleRenderer.ToSafeHtml(a.Markdown), a.Markdown, a.UpdatedUtc, a.Version);

    private static List<string> TopicsOf(Article a) => [.. a.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static Problem NotFound(string slug) => Problem.NotFound(LearningErrorCodes.ArticleNotFound, $"There is no article '{slug}'.");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
