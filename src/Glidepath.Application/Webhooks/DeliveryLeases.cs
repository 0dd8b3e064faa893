using System.Data.Common;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Webhooks;

/// <summary>
/// Claims due deliveries for one worker with a lease, in one conditional statement (as
/// <c>RunLeases</c> claims simulation runs): PostgreSQL skips rows another instance is claiming
/// (<c>FOR UPDATE SKIP LOCKED</c>); on SQLite the statement is atomic. A claimed delivery whose
/// worker died (kill -9, power loss) is claimable again once its lease expires: at least once.
/// </summary>
public static class DeliveryLeases
{
    private const string Claim = """
        UPDATE webhook_deliveries
        SET lease_owner = @owner, lease_expires_unix_ms = @expires, attempts = attempts + 1, last_attempt_unix_ms = @now
        WHERE id IN (
            SELECT id FROM webhook_deliveries
            WHERE state = 'pending' AND next_attempt_unix_ms <= @now AND (lease_expires_unix_ms IS NULL OR lease_expires_unix_ms < @now)
            ORDER BY next_attempt_unix_ms, id
            LIMIT @batch{lock})
          AND state = 'pending' AND (lease_expires_unix_ms IS NULL OR lease_expires_unix_ms < @now)
        RETURNING id
        """;

    public static async Task<List<Guid>> ClaimAsync(GlidepathDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Claim.Replace("{lock}", postgres ? " FOR UPDATE SKIP LOCKED" : "", StringComparison.Ordinal);
            Add(command, "owner", owner);
            Add(command, "now", now.ToUnixTimeMilliseconds());
            Add(command, "expires", (now + lease).ToUnixTimeMilliseconds());
            Add(command, "batch", batch);
            var ids = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetValue(0) switch
                {
                    Guid guid => guid,
                    string text => Guid.Parse(text),
                    var other => throw new InvalidOperationException($"Unexpected delivery id type {other.GetType()}."),
                });
            }

            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
