using System.Data.Common;
using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Glidepath.Infrastructure.Identity;

/// <summary>
/// Run at start after the migrations: <c>user_tokens</c> values written before they were protected
/// (plaintext authenticator keys and recovery codes) are encrypted with the field key ring, recovery
/// codes hashed first. Values already encrypted are left alone, so it is a no-op after the first run.
/// Works on the raw stored text, since the column's converter refuses plaintext.
/// </summary>
public static class SecondFactorUpgrade
{
    public static async Task<int> ProtectPlaintextSecondFactorsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GlidepathDbContext>();
        var ring = scope.ServiceProvider.GetRequiredService<FieldKeyRing>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var plaintext = new List<(object UserId, string Provider, string Name, string Value)>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction.GetDbTransaction();
                select.CommandText = "SELECT user_id, login_provider, name, value FROM user_tokens WHERE value IS NOT NULL";
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var value = reader.GetString(3);
                    if (FieldKeyRing.KeyIdOf(value) is null)
                    {
                        plaintext.Add((reader.GetValue(0), reader.GetString(1), reader.GetString(2), value));
                    }
                }
            }

            foreach (var (userId, provider, name, value) in plaintext)
            {
                var text = provider == SecondFactorUserStore.RecoveryCodesProvider && name == SecondFactorUserStore.RecoveryCodesName
                    ? string.Join(';', value.Split(';', StringSplitOptions.RemoveEmptyEntries)
                        .Select(code => RecoveryCodeHash.IsHash(code) ? code : RecoveryCodeHash.Of(Guid.Parse(userId.ToString()!), code)))
                    : value;
                await using var update = connection.CreateCommand();
                update.Transaction = transaction.GetDbTransaction();
                update.CommandText = "UPDATE user_tokens SET value = @value WHERE user_id = @user AND login_provider = @provider AND name = @name AND value = @old";
                Add(update, "@value", ring.Protect(text, ProtectedColumns.UserTokenValue));
                Add(update, "@user", userId);
                Add(update, "@provider", provider);
                Add(update, "@name", name);
                Add(update, "@old", value);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return plaintext.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
