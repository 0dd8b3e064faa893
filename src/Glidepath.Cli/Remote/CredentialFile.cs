using System.Text.Json;
using Glidepath.Cli.Hosting;

namespace Glidepath.Cli.Remote;

/// <summary>The tokens of one server the user signed in to.</summary>
public sealed record StoredTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresUtc);

/// <summary>
/// <c>$XDG_CONFIG_HOME/glidepath/credentials.json</c> (else <c>~/.config/glidepath/</c>): the tokens of each server
/// signed in to with <c>glidepath login</c>, keyed by the server's origin. Only the owner may read it: the folder is
/// created 0700 and the file 0600 (on Unix); it is rewritten whole through a temp file, so a crash never leaves half of it.
/// </summary>
public sealed class CredentialFile(string path)
{
    public string Path { get; } = path;

    public static CredentialFile For(CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var config = env.Configuration["XDG_CONFIG_HOME"];
        if (string.IsNullOrWhiteSpace(config))
        {
            var home = env.Configuration["HOME"];
            if (string.IsNullOrWhiteSpace(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            config = System.IO.Path.Combine(home, ".config");
        }

        return new CredentialFile(System.IO.Path.Combine(config, "glidepath", "credentials.json"));
    }

    public StoredTokens? Read(Uri server)
    {
        var all = ReadAll();
        return all.GetValueOrDefault(Key(server));
    }

    public void Write(Uri server, StoredTokens? tokens)
    {
        var all = ReadAll();
        if (tokens is null)
        {
            all.Remove(Key(server));
        }
        else
        {
            all[Key(server)] = tokens;
        }

        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temp = Path + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, all, CliJson.Options);
        }

        File.Move(temp, Path, overwrite: true);
    }

    private Dictionary<string, StoredTokens> ReadAll()
    {
        if (!File.Exists(Path))
        {
            return new(StringComparer.OrdinalIgnoreCase);
        }

        try
        {
            var read = JsonSerializer.Deserialize<Dictionary<string, StoredTokens>>(File.ReadAllText(Path), CliJson.Options);
            return new(read ?? [], StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            throw new RemoteException($"{Path} is not a credentials file; delete it and run glidepath login again.");
        }
    }

    private static string Key(Uri server) => server.GetLeftPart(UriPartial.Authority);
}
