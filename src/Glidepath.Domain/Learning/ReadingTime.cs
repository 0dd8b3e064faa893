using System.Text.RegularExpressions;

namespace Glidepath.Domain.Learning;

/// <summary>
/// Reading time of an article (docs/learning.md): the words of its Markdown (runs of letters or digits, so markup,
/// link targets' punctuation and numbers' separators do not count as words of their own) at 200 words a minute,
/// rounded up, at least one minute.
/// </summary>
public static partial class ReadingTime
{
    public const int WordsPerMinute = 200;

    public static int Words(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);

        // Link and image targets are not read: keep the text of [text](target), drop the target.
        var text = LinkTarget().Replace(markdown, "]");
        return Word().Count(text);
    }

    public static int Minutes(string markdown) => Math.Max(1, (Words(markdown) + WordsPerMinute - 1) / WordsPerMinute);

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
