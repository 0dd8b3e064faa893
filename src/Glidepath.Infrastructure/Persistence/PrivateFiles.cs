namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Files that hold secrets or household data (the SQLite database and its journals, key files, the
/// mail pickup folder) are created readable by the service user only: folders 0700, files 0600, set at
/// creation so there is no moment when they are world-readable. Folders that already exist keep their
/// mode (they may be shared, e.g. /tmp); existing files of ours are tightened to 0600. No-ops on Windows.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="folder"/> and each missing parent as 0700 (the framework's mode argument covers the last one only).</summary>
    public static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        var missing = new Stack<string>();
        for (var path = Path.GetFullPath(folder); !string.IsNullOrEmpty(path) && !Directory.Exists(path); path = Path.GetDirectoryName(path))
        {
            missing.Push(path);
        }

        while (missing.TryPop(out var path))
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Options for a new file created 0600 (fails if it exists).</summary>
    public static FileStreamOptions NewFile()
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Makes an existing file 0600 (a file from before this rule, or one another tool created).</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path) || (File.GetUnixFileMode(path) & ~FileMode) == 0)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, FileMode);
        }
        catch (UnauthorizedAccessException)
        {
            // Not our file to change (another owner); it stays as its owner set it.
        }
    }
}
