using Glidepath.Infrastructure.Identity;

namespace Glidepath.Server.Auth;

/// <summary>
/// Permission scopes carried in the <c>scope</c> claim, derived from the user's roles when a token
/// is issued. The table is docs/security.md's roles and scopes table; keep the two together.
/// </summary>
public static class Scopes
{
    public const string ReadProfile = "read:profile";
    public const string WriteProfile = "write:profile";
    public const string ReadHouseholds = "read:households";
    public const string WriteHouseholds = "write:households";
    public const string ReadGoals = "read:goals";
    public const string WriteGoals = "write:goals";
    public const string ReadSimulations = "read:simulations";
    public const string WriteSimulations = "write:simulations";
    public const string LargeSimulations = "write:large-simulations";
    public const string ReadClients = "read:clients";
    public const string ManageUsers = "admin:users";
    public const string ManageKeys = "admin:keys";
    public const string WriteReferenceData = "write:reference-data";

    private static readonly string[] UserScopes =
        [ReadProfile, WriteProfile, ReadHouseholds, WriteHouseholds, ReadGoals, WriteGoals, ReadSimulations, WriteSimulations];

    public static IReadOnlyList<string> For(IEnumerable<string> roles, IReadOnlyCollection<string> referenceDataWriters)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        var scopes = new List<string>(UserScopes);
        if (held.Contains(Roles.Premium))
        {
            scopes.Add(LargeSimulations);
        }

        if (held.Contains(Roles.Advisor))
        {
            scopes.Add(ReadClients);
        }

        if (held.Contains(Roles.Admin))
        {
            scopes.AddRange([ManageUsers, ManageKeys]);
        }

        if (held.Overlaps(referenceDataWriters))
        {
            scopes.Add(WriteReferenceData);
        }

        return scopes;
    }
}
