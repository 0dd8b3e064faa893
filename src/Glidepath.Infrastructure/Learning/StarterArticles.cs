using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Glidepath.Domain.Learning;

namespace Glidepath.Infrastructure.Learning;

/// <summary>Sizes of an article's stored fields.</summary>
public static class ArticleLimits
{
    public const int Slug = 100;
    public const int Markdown = 40_000;
}

/// <summary>
/// The starter articles (Learning/Articles/*.md, embedded): each file is <c>title:</c>, <c>topics:</c> and <c>summary:</c>
/// lines, a <c>---</c> line, then the Markdown; the file name is the slug. Seeded as data by the migration (HasData), with
/// ids derived from the slug and a fixed date, so regenerating the migration reproduces the same rows.
/// </summary>
public static class StarterArticles
{
    private static readonly DateTimeOffset Written = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Article> All { get; } = Load();

    private static Article[] Load()
    {
        var assembly = typeof(StarterArticles).Assembly;
        const string prefix = "Glidepath.Infrastructure.Learning.Articles.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(n[prefix.Length..^3], Read(assembly, n)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static Article Parse(string slug, string text)
    {
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        var header = text[..split].Split('\n').Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        return new Article
        {
            Id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("glidepath-article:" + slug)).AsSpan(0, 16)),
            Slug = slug,
            Title = header["title"],
            Topics = string.Join(',', header["topics"].Split(',').Select(t => t.Trim())),
            Summary = header["summary"],
            Markdown = text[(split + 5)..].Trim() + "\n",
            UpdatedUtc = Written,
            Version = 1,
        };
    }
}
