using System.Collections.Frozen;

namespace Glidepath.Server.Auth.Passwords;

/// <summary>The shipped block list (common-passwords.txt next to the binary), compared case-insensitively.</summary>
public sealed class CommonPasswords
{
    public const string FileName = "common-passwords.txt";

    private readonly FrozenSet<string> passwords;

    public CommonPasswords()
        : this(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Auth", "Passwords", FileName)))
    {
    }

    // Private: DI would happily pick a public IEnumerable<string> constructor and inject an empty list.
    private CommonPasswords(IEnumerable<string> lines)
    {
        // Only the leading lines are comments: some listed passwords start with '#'.
        passwords = lines.SkipWhile(l => l.StartsWith('#')).Where(l => l.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => passwords.Count;

    public bool Contains(string password) => passwords.Contains(password);
}
