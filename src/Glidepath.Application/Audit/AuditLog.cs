using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace Glidepath.Application.Audit;

/// <summary>
/// Records an audit event twice: a row in <c>audit_events</c> and one structured entry on the
/// <c>Glidepath.Audit</c> log category (the separate stream; route it to its own sink in logging
/// configuration). Callers pass ids and short reasons only, never a secret, token or password.
/// The row is saved at once in its own SaveChanges, so a failed request still leaves its event.
/// </summary>
public sealed class AuditLog(GlidepathDbContext db, TimeProvider clock, IClientAddress client, ILoggerFactory loggers)
{
    public const string Category = "Glidepath.Audit";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public async Task WriteAsync(string type, Guid? userId, Guid? householdId = null, string? detail = null, Guid? actorId = null, bool recordIp = true, CancellationToken ct = default)
    {
        var entry = new AuditEvent
        {
            OccurredUtc = clock.GetUtcNow(),
            Type = type,
            UserId = userId,
            ActorId = actorId,
            HouseholdId = householdId,
            IpAddress = recordIp ? client.Current : null,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
        };
        db.AuditEvents.Add(entry);
        await db.SaveChangesAsync(ct);
        logger.LogInformation(
            "audit {AuditType} user={UserId} actor={ActorId} household={HouseholdId} ip={IpAddress} detail={Detail}",
            entry.Type, entry.UserId, entry.ActorId, entry.HouseholdId, entry.IpAddress, entry.Detail);
    }
}
