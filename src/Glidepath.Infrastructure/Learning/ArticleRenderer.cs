using Ganss.Xss;
using Markdig;

namespace Glidepath.Infrastructure.Learning;

/// <summary>
/// Markdown to safe HTML (docs/learning.md): Markdig (CommonMark with pipe tables, auto-links and emphasis extras), then
/// HtmlSanitizer's allow-list, which drops scripts, event-handler attributes (<c>onerror</c>, <c>onclick</c>), styles and
/// URLs with other schemes than http, https and mailto (<c>javascript:</c>, <c>data:</c>). Relative links (<c>/learn/…</c>)
/// stay. Runs on every read, so a change of the rules applies to stored articles at once.
/// </summary>
public static class ArticleRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseEmphasisExtras().Build();

    public static string ToSafeHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }
}
