namespace Glidepath.Application;

public static class TimeProviderExtensions
{
    /// <summary>Today's date in UTC: the default "as of" of every dated query.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
