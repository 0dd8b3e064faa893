using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Glidepath.Infrastructure.Import.Statements;

/// <summary>One OFX element: an aggregate (children, no value) or an element (a value, no children). <see cref="Line"/> is its opening tag's line.</summary>
internal sealed class OfxElement(string name, int line)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public string? Value { get; set; }

    public List<OfxElement> Children { get; } = [];

    public OfxElement? Child(string name) => Children.FirstOrDefault(c => c.Name == name);

    public IEnumerable<OfxElement> All(string name) => Children.Where(c => c.Name == name);

    /// <summary>The trimmed value of the child element <paramref name="name"/>; null when absent.</summary>
    public string? Text(string name) => Child(name)?.Value?.Trim();

    /// <summary>Every descendant named <paramref name="name"/>, depth first, in file order.</summary>
    public IEnumerable<OfxElement> Descendants(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name)
            {
                yield return child;
            }

            foreach (var inner in child.Descendants(name))
            {
                yield return inner;
            }
        }
    }
}

/// <summary>
/// A strict reader of OFX 1.x (SGML: a <c>KEY:VALUE</c> header, then tags where elements have no end
/// tag) and OFX 2.x (XML: <c>&lt;?xml?&gt;</c> and <c>&lt;?OFX OFXHEADER="200"?&gt;</c>, every tag
/// closed), after the OFX 2.1.1 specification, sections 2.2 (headers) and 2.3 (SGML and XML
/// elements). One tree shape for both: an element followed by text is a value (its end tag optional,
/// as SGML allows), an element followed by a tag is an aggregate, whose end tag is required, except
/// that an end tag may close aggregates left open inside it (Nubank's exports never close
/// <c>BANKTRANLIST</c>; SGML's omitted end tags). Anything else, a stray end tag, text outside an
/// element, a file ending inside an aggregate, is an error naming its line.
/// </summary>
internal static partial class OfxDocument
{
    /// <summary>The largest statement read (statements are parsed whole: the security list comes after the transactions that name it).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    public static bool Looks(string head)
    {
        var start = head.TrimStart();
        return start.StartsWith("OFXHEADER", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<?OFX", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The root <c>OFX</c> element, or the one error that refuses the file.</summary>
    public static (OfxElement? Root, string? Error) Parse(byte[] bytes)
    {
        var (text, error) = Decode(bytes);
        return text is null ? (null, error) : ParseBody(text);
    }

    /// <summary>Reads the header in ASCII, then decodes the whole file with the character set it names.</summary>
    internal static (string? Text, string? Error) Decode(byte[] bytes)
    {
        var ascii = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var start = ascii.TrimStart('\uFEFF', 'ï', '»', '¿', ' ', '\t', '\r', '\n');
        Encoding? encoding;
        if (start.StartsWith("OFXHEADER", StringComparison.OrdinalIgnoreCase))
        {
            var header = SgmlHeader(ascii);
            if (!header.TryGetValue("OFXHEADER", out var version) || version != "100")
            {
                return (null, $"The OFX header says OFXHEADER:{version}; an OFX 1.x file says OFXHEADER:100.");
            }

            if (!header.TryGetValue("DATA", out var data) || !data.Equals("OFXSGML", StringComparison.OrdinalIgnoreCase))
            {
                return (null, "The OFX header has no DATA:OFXSGML line.");
            }

            var charset = header.GetValueOrDefault("CHARSET", "NONE").ToUpperInvariant();
            encoding = header.GetValueOrDefault("ENCODING", "USASCII").ToUpperInvariant() switch
            {
                "UTF-8" or "UNICODE" => new UTF8Encoding(false, true),
                "USASCII" => charset switch
                {
                    "ISO-8859-1" or "8859-1" or "ISOLATIN1" => Encoding.Latin1,
                    _ => Windows1252,   // 1252 and NONE: Windows-1252, a superset of ASCII, is what banks that say NONE write
                },
                _ => null,
            };
            if (encoding is null)
            {
                return (null, $"The OFX header's ENCODING:{header["ENCODING"]} is not USASCII or UTF-8.");
            }
        }
        else if (start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            if (!XmlOfxHeader().IsMatch(ascii))
            {
                return (null, "An OFX 2.x file needs the processing instruction <?OFX OFXHEADER=\"200\" VERSION=\"2xx\" …?> after <?xml …?>.");
            }

            var declared = XmlEncoding().Match(ascii);
            var name = declared.Success ? declared.Groups[1].Value.ToUpperInvariant() : "UTF-8";
            encoding = name switch
            {
                "UTF-8" or "UTF8" or "US-ASCII" => new UTF8Encoding(false, true),
                "ISO-8859-1" => Encoding.Latin1,
                "WINDOWS-1252" => Windows1252,
                _ => null,
            };
            if (encoding is null)
            {
                return (null, $"The XML declaration's encoding \"{declared.Groups[1].Value}\" is not UTF-8, ISO-8859-1 or windows-1252.");
            }
        }
        else
        {
            return (null, "Not an OFX file: it must start with the OFXHEADER:100 lines (OFX 1.x) or <?xml …?><?OFX OFXHEADER=\"200\" …?> (OFX 2.x).");
        }

        try
        {
            return (encoding.GetString(bytes).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"The file is not valid {encoding.WebName}, the encoding its header names.");
        }
    }

    private static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static Dictionary<string, string> SgmlHeader(string text)
    {
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var end = text.IndexOf('<', StringComparison.Ordinal);
        foreach (var line in (end < 0 ? text : text[..end]).Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                header.TryAdd(line[..colon].Trim().TrimStart('\uFEFF'), line[(colon + 1)..].Trim());
            }
        }

        return header;
    }

    internal static (OfxElement? Root, string? Error) ParseBody(string text)
    {
        var position = text.IndexOf('<', StringComparison.Ordinal);
        if (position < 0)
        {
            return (null, "The file has no <OFX> element.");
        }

        var line = 1 + Count(text, 0, position);
        var stack = new Stack<OfxElement>();
        OfxElement? root = null;
        while (position < text.Length)
        {
            var next = text.IndexOf('<', position);
            if (next < 0)
            {
                next = text.Length;
            }

            if (next > position)
            {
                var stray = text.AsSpan(position, next - position);
                if (!stray.IsWhiteSpace())
                {
                    return (null, $"Line {line}: text \"{Cut(stray.Trim().ToString())}\" outside an element.");
                }

                line += Count(text, position, next);
                position = next;
                continue;
            }

            if (text.AsSpan(position).StartsWith("<!--"))
            {
                var endComment = text.IndexOf("-->", position, StringComparison.Ordinal);
                if (endComment < 0)
                {
                    return (null, $"Line {line}: a comment that never ends.");
                }

                line += Count(text, position, endComment);
                position = endComment + 3;
                continue;
            }

            var close = text.IndexOf('>', position);
            if (close < 0)
            {
                return (null, $"Line {line}: a tag that never ends ('<' without '>').");
            }

            var tag = text.AsSpan(position + 1, close - position - 1);
            var tagLine = line;
            line += Count(text, position, close);
            position = close + 1;
            if (tag.Length > 0 && (tag[0] == '?' || tag[0] == '!'))
            {
                continue;   // <?xml?>, <?OFX?>, <!DOCTYPE>: read before the body
            }

            if (tag.Length > 0 && tag[0] == '/')
            {
                var name = tag[1..].Trim().ToString();
                if (!stack.Any(e => e.Name == name))
                {
                    return (null, $"Line {tagLine}: end tag </{Cut(name)}> without an open <{Cut(name)}> aggregate.");
                }

                while (stack.Pop().Name != name)
                {
                    // an end tag closes the aggregates its element left open
                }

                continue;
            }

            var selfClosing = tag.Length > 0 && tag[^1] == '/';
            var element = selfClosing ? tag[..^1].Trim().ToString() : tag.Trim().ToString();
            if (!TagName().IsMatch(element))
            {
                return (null, $"Line {tagLine}: <{Cut(element)}> is not an OFX tag (capital letters, digits, '.' and '_').");
            }

            var node = new OfxElement(element, tagLine);
            if (stack.Count == 0)
            {
                if (root is not null || element != "OFX")
                {
                    return (null, root is null ? $"Line {tagLine}: the file's first element is <{element}>, not <OFX>." : $"Line {tagLine}: <{element}> after </OFX>.");
                }

                root = node;
                stack.Push(node);
                continue;
            }

            stack.Peek().Children.Add(node);
            if (selfClosing)
            {
                node.Value = "";
                continue;
            }

            var valueEnd = text.IndexOf('<', position);
            if (valueEnd < 0)
            {
                valueEnd = text.Length;
            }

            var value = text.AsSpan(position, valueEnd - position);
            var endTag = "</" + element + ">";
            if (!value.IsWhiteSpace() || text.AsSpan(valueEnd).StartsWith(endTag))
            {
                // An element: its value, and its end tag when the file has one (XML, and SGML files that write it).
                node.Value = Unescape(value.ToString().Trim());
                line += Count(text, position, valueEnd);
                position = valueEnd;
                if (text.AsSpan(position).StartsWith(endTag))
                {
                    position += endTag.Length;
                }

                continue;
            }

            stack.Push(node);
        }

        if (root is null)
        {
            return (null, "The file has no <OFX> element.");
        }

        if (stack.Count > 0)
        {
            return (null, $"The file ends inside <{stack.Peek().Name}> (line {stack.Peek().Line}): it is cut short or misses </{stack.Peek().Name}>.");
        }

        return (root, null);
    }

    private static int Count(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n');

    private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Unescape(string value) =>
        value.Contains('&', StringComparison.Ordinal)
            ? Entity().Replace(value, m => m.Groups[1].Value switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                "nbsp" => " ",
                var n when n.StartsWith('#') && int.TryParse(n.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0xD800 => ((char)code).ToString(),
                _ => m.Value,
            })
            : value;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._]{0,63}$")]
    private static partial Regex TagName();

    [GeneratedRegex(@"&(amp|lt|gt|quot|apos|nbsp|#\d{1,5});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"<\?OFX\s[^>]*OFXHEADER\s*=\s*""200""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlOfxHeader();

    [GeneratedRegex(@"<\?xml[^>]*encoding\s*=\s*[""']([A-Za-z0-9._-]+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
