namespace Glidepath.Infrastructure.Identity;

/// <summary>The four roles. Every user holds <see cref="User"/>; the others are granted by an admin.</summary>
public static class Roles
{
    public const string User = "user";
    public const string Premium = "premium";
    public const string Advisor = "advisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [User, Premium, Advisor, Admin];

    /// <summary>Roles whose holders must sign in with a second factor before using them.</summary>
    public static readonly IReadOnlyList<string> RequiringMfa = [Advisor, Admin];
}
