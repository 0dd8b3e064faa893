namespace Glidepath.Testing;

/// <summary>
/// The public samples folder beside the repository (<c>shared/samples</c>, see its README): files that
/// may be used as test data from there but not copied into the repository (e.g. IBKR's documentation examples).
/// </summary>
public static class SharedSamples
{
    public static string Apis()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "apis");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/samples/apis (the API documentation examples) not found above " + AppContext.BaseDirectory);
    }
}
