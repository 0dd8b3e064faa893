namespace Glidepath.Infrastructure.Identity;

/// <summary>Who owns a household: the user who created it (or had it created at sign-up). One owner per household.</summary>
public sealed class HouseholdOwner
{
    public Guid HouseholdId { get; set; }

    public Guid UserId { get; set; }
}
