using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Aggregation;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Aggregation;

/// <summary>
/// A household's aggregation connections (docs/aggregation.md): a link token, the exchange of a public token into a
/// connection with its accounts mapped to ledger accounts, the list with health, and deletion. Syncing is
/// <see cref="AggregationSync"/>. The front door has checked the caller may act on the household.
/// </summary>
public sealed class HouseholdConnections(GlidepathDbContext db, IAggregationProvider provider, TimeProvider clock)
{
    public const int MaxPublicTokenLength = 200;

    public async Task<IReadOnlyList<ConnectionDto>> ListAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.AggregationConnections.AsNoTracking().Include(c => c.Accounts).Where(c => c.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).Select(ConnectionDto.From)];

    public async Task<Result<ConnectionDto>> GetAsync(Guid householdId, Guid connectionId, CancellationToken ct) =>
        await db.AggregationConnections.AsNoTracking().Include(c => c.Accounts).FirstOrDefaultAsync(c => c.Id == connectionId && c.HouseholdId == householdId, ct) is { } c
            ? ConnectionDto.From(c) : NotFound(connectionId);

    /// <summary><c>link/token/create</c> for the household (its id is the provider's <c>client_user_id</c>: no personal data leaves).</summary>
    public async Task<Result<LinkTokenDto>> CreateLinkTokenAsync(Guid householdId, CancellationToken ct)
    {
        try
        {
            var token = await provider.CreateLinkTokenAsync(householdId.ToString("N"), ct);
            return new LinkTokenDto(token.Token, token.Expiration);
        }
        catch (AggregationException e)
        {
            return ProviderProblem(e);
        }
    }

    /// <summary>
    /// Exchanges the public token, reads the item's accounts and stores, in one save, the connection (token encrypted),
    /// its account links and a new ledger account for every provider account the request does not map to an existing one.
    /// </summary>
    public async Task<Result<ConnectionDto>> ExchangeAsync(Guid householdId, ExchangeConnectionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mappings = request.Accounts ?? [];
        var checks = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.PublicToken), "publicToken", "The public token from the linking widget is required.")
            .CheckLength(request.PublicToken, "publicToken", MaxPublicTokenLength)
            .Check(mappings.All(m => !string.IsNullOrWhiteSpace(m?.ProviderAccountId) && m.AccountId is not null), "accounts", "Each mapping names a providerAccountId and an accountId.")
            .Check(mappings.Where(m => m?.ProviderAccountId is not null).Select(m => m.ProviderAccountId).Distinct(StringComparer.Ordinal).Count() == mappings.Count, "accounts", "A provider account is mapped at most once.")
            .Check(mappings.Where(m => m?.AccountId is not null).Select(m => m.AccountId).Distinct().Count() == mappings.Count, "accounts", "A ledger account takes at most one provider account.");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var targets = mappings.Select(m => m.AccountId!.Value).ToList();
        var existing = await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId && targets.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        if (targets.FirstOrDefault(id => !existing.ContainsKey(id)) is var stray && stray != Guid.Empty)
        {
            return Problem.NotFound(ErrorCodes.AccountNotFound, $"Account {stray} is not in this household.");
        }

        if (await db.AggregationAccountLinks.AnyAsync(l => targets.Contains(l.AccountId), ct))
        {
            return Problem.Conflict(ErrorCodes.AggregationAccountTaken, "A ledger account named in the mapping is already fed by a connection.");
        }

        ExchangedItem item;
        ItemAccounts accounts;
        try
        {
            item = await provider.ExchangePublicTokenAsync(request.PublicToken!.Trim(), ct);
            accounts = await provider.GetAccountsAsync(item.AccessToken, ct);
        }
        catch (AggregationException e)
        {
            return ProviderProblem(e);
        }

        if (mappings.FirstOrDefault(m => accounts.Accounts.All(a => a.AccountId != m.ProviderAccountId)) is { } unknown)
        {
            return Problem.Invalid("accounts", $"The linked item has no account '{unknown.ProviderAccountId}'.");
        }

        if (await db.AggregationConnections.AnyAsync(c => c.Provider == provider.Name && c.ItemId == item.ItemId, ct))
        {
            return Problem.Conflict(ErrorCodes.AggregationItemLinked, "This institution login is already connected.");
        }

        var institution = accounts.InstitutionName ?? "Linked institution";
        var connection = new AggregationConnection
        {
            HouseholdId = householdId,
            Provider = provider.Name,
            ItemId = item.ItemId,
            InstitutionId = accounts.InstitutionId,
            InstitutionName = Clip(institution, 200),
            AccessToken = item.AccessToken,
            CreatedUtc = clock.GetUtcNow(),
        };
        foreach (var account in accounts.Accounts)
        {
            var mapped = mappings.FirstOrDefault(m => m.ProviderAccountId == account.AccountId)?.AccountId;
            if (mapped is null)
            {
                var created = new Account
                {
                    HouseholdId = householdId,
                    Name = Clip(account.Mask is { Length: > 0 } mask ? $"{account.Name} ••{mask}" : account.Name, 200),
                    Type = LedgerTypeOf(account),
                    BaseCurrency = account.Currency is { } code && Currency.TryParse(code, out var currency) ? currency : Currency.Usd,
                    Institution = Clip(institution, 200),
                };
                db.Accounts.Add(created);
                mapped = created.Id;
            }

            connection.Accounts.Add(new AggregationAccountLink
            {
                ConnectionId = connection.Id,
                ProviderAccountId = account.AccountId,
                AccountId = mapped.Value,
                Name = Clip(account.Name, 200),
                Mask = account.Mask is null ? null : Clip(account.Mask, 16),
                Type = Clip(account.Type, 32),
                Subtype = account.Subtype is null ? null : Clip(account.Subtype, 64),
            });
        }

        db.AggregationConnections.Add(connection);
        await db.SaveChangesAsync(ct);
        return ConnectionDto.From(connection);
    }

    /// <summary>Deletes the connection and its account links; the ledger accounts and what was booked stay.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid householdId, Guid connectionId, CancellationToken ct)
    {
        if (await db.AggregationConnections.FirstOrDefaultAsync(c => c.Id == connectionId && c.HouseholdId == householdId, ct) is not { } connection)
        {
            return NotFound(connectionId);
        }

        db.AggregationConnections.Remove(connection);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The ledger account type for a provider account (Plaid's type and subtype; docs/aggregation.md).</summary>
    public static AccountType LedgerTypeOf(ProviderAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var subtype = account.Subtype?.ToLowerInvariant() ?? "";
        return account.Type.ToLowerInvariant() switch
        {
            "credit" => AccountType.CreditCard,
            "loan" => AccountType.Loan,
            "investment" or "brokerage" => subtype switch
            {
                "ira" or "sep ira" or "simple ira" => AccountType.TraditionalIra,
                "roth" or "roth 401k" => AccountType.RothIra,
                "401k" or "403b" or "457b" => AccountType.Plan401K,
                "hsa" => AccountType.Hsa,
                "529" => AccountType.Plan529,
                _ => AccountType.TaxableBrokerage,
            },
            _ => subtype is "savings" or "money market" or "cd" ? AccountType.Savings : AccountType.Checking,
        };
    }

    internal static Problem NotFound(Guid connectionId) => Problem.NotFound(ErrorCodes.ConnectionNotFound, $"Connection {connectionId} is not in this household.");

    /// <summary>The provider's refusal as a problem: its code and message (never a token), relink-needed for item-login errors.</summary>
    internal static Problem ProviderProblem(AggregationException e) =>
        e.ErrorCode == "NETWORK_ERROR"
            ? Problem.Refused(ErrorCodes.AggregationUnavailable, e.Message + " Try again later.")
            : Problem.Refused(e.NeedsRelink ? ErrorCodes.AggregationRelinkNeeded : ErrorCodes.AggregationProviderError, $"{e.ErrorCode}: {e.Message}");

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
