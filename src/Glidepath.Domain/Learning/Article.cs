namespace Glidepath.Domain.Learning;

/// <summary>
/// A learning article (docs/learning.md): Markdown written for Glidepath's users, with topics and a stable slug that
/// pages, empty states and recommendations link to (<c>/learn/{slug}</c>). Admins edit it; the HTML is rendered and
/// sanitised on every read, never stored.
/// </summary>
public sealed class Article
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Lower-case words joined by hyphens; never changes once published (links depend on it).</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>Comma-separated topics from <see cref="ArticleTopics.All"/>.</summary>
    public string Topics { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Markdown { get; set; } = "";

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>The admin who last changed it; null for the starter set.</summary>
    public Guid? UpdatedBy { get; set; }

    public long Version { get; set; } = 1;
}

public static class ArticleTopics
{
    public static IReadOnlyList<string> All { get; } = ["basics", "investing", "tax", "retirement", "planning", "risk"];

    public static bool IsTopic(string topic) => All.Contains(topic, StringComparer.Ordinal);
}
