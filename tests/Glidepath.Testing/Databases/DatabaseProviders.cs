using Glidepath.Infrastructure.Persistence;

namespace Glidepath.Testing.Databases;

/// <summary>
/// Runs a test once per provider:
/// <code>
/// [Theory]
/// [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
/// public async Task Something_Works(DatabaseProvider provider)
/// {
///     await using var database = await TestDatabase.CreateAsync(provider);
///     await using var db = database.CreateDbContext();   // or database.ConfigurationValues for a host
/// }
/// </code>
/// The PostgreSQL case needs GLIDEPATH_TEST_POSTGRES (scripts/test sets it) and fails, never skips, without it.
/// </summary>
public static class DatabaseProviders
{
    public static IEnumerable<object[]> All =>
    [
        [DatabaseProvider.Sqlite],
        [DatabaseProvider.Postgres],
    ];
}
