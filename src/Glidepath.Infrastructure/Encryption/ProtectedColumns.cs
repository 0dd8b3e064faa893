using Glidepath.Domain.Households;
using Glidepath.Infrastructure.Aggregation;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Identity;
using Glidepath.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Glidepath.Infrastructure.Encryption;

/// <summary>
/// Every encrypted column, in one place. The names are bound into each ciphertext's associated data,
/// so they are part of the stored format: never rename one once data exists (a renamed table or
/// property keeps its old name here).
/// </summary>
public static class ProtectedColumns
{
    public const string AccountNumber = "accounts.account_number";
    public const string AccountAggregationToken = "accounts.aggregation_token";
    public const string AccountNotes = "accounts.notes";
    public const string PersonTaxId = "people.tax_id";
    public const string PersonNotes = "people.notes";
    public const string TransactionMemo = "transactions.memo";
    public const string RefreshSuccessor = "refresh_tokens.successor_token";
    public const string UserTokenValue = "user_tokens.value";
    public const string WebhookSecret = "webhook_subscriptions.secret";
    public const string AggregationAccessToken = "aggregation_connections.access_token";

    /// <summary>Puts the encrypting converters on the model; <see cref="FieldKeyRing.Unavailable"/> at design time.</summary>
    internal static void Apply(ModelBuilder modelBuilder, FieldKeyRing ring)
    {
        var account = modelBuilder.Entity<Account>();
        account.Property(a => a.Number).HasConversion(
            (ValueConverter)new ProtectedValueConverter<AccountNumber>(ring, AccountNumber, n => n.Reveal(), t => new AccountNumber(t)));
        account.Property(a => a.AggregationToken).HasConversion((ValueConverter)Text(ring, AccountAggregationToken));
        account.Property(a => a.Notes).HasConversion((ValueConverter)Text(ring, AccountNotes));

        var person = modelBuilder.Entity<Person>();
        person.Property(p => p.TaxId).HasConversion(
            (ValueConverter)new ProtectedValueConverter<TaxId>(ring, PersonTaxId, id => id.Reveal(), t => new TaxId(t)));
        person.Property(p => p.Notes).HasConversion((ValueConverter)Text(ring, PersonNotes));

        modelBuilder.Entity<Transaction>().Property(t => t.Memo).HasConversion((ValueConverter)Text(ring, TransactionMemo));

        // Second factors and live tokens: the authenticator key, the (hashed) recovery codes and the
        // last TOTP step in Identity's user_tokens; a rotated refresh token's successor.
        modelBuilder.Entity<RefreshToken>().Property(t => t.SuccessorToken).HasConversion((ValueConverter)Text(ring, RefreshSuccessor));
        modelBuilder.Entity<IdentityUserToken<Guid>>().Property(t => t.Value).HasConversion((ValueConverter)Text(ring, UserTokenValue));

        // Webhook signing keys: the server needs them back to sign, so encrypted rather than hashed.
        modelBuilder.Entity<WebhookSubscription>().Property(s => s.Secret).HasConversion((ValueConverter)Text(ring, WebhookSecret));

        // Aggregation access tokens (docs/aggregation.md): sent back to the provider on every sync.
        modelBuilder.Entity<AggregationConnection>().Property(c => c.AccessToken).HasConversion((ValueConverter)Text(ring, AggregationAccessToken));
    }

    // Non-generic: EF's typed overload wants ValueConverter<string?, string>, and nulls never reach a converter.
    private static ProtectedValueConverter<string> Text(FieldKeyRing ring, string column) => new ProtectedValueConverter<string>(ring, column, s => s, s => s);
}
