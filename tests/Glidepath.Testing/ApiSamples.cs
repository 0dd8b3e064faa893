namespace Glidepath.Testing;

/// <summary>
/// Public API documentation examples used as test data (<c>Samples/Apis</c> in this project, copied beside each test
/// assembly; origins in its README).
/// </summary>
public static class ApiSamples
{
    public static string Apis() => Path.Combine(AppContext.BaseDirectory, "Samples", "Apis");
}
