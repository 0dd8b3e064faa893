using System.Globalization;
using Glidepath.Application.Audit;
using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Orders;
using Glidepath.Domain.Results;
using Glidepath.Domain.TaxLots;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Accounts;

/// <summary>
/// A household's accounts (the front door has already checked the caller may see the household):
/// list, open, describe, edit the descriptive fields, and delete one that has no history.
/// </summary>
public sealed class HouseholdAccounts(GlidepathDbContext db, AuditLog audit)
{
    /// <summary>The problem every feature answers for an account id outside the household.</summary>
    public static Problem NotFound(Guid accountId) => Problem.NotFound(ErrorCodes.AccountNotFound, $"Account {accountId} is not in this household.");

    public async Task<IReadOnlyList<Account>> ListAsync(Guid householdId, CancellationToken ct) =>
        [.. (await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(a => a.Type).ThenBy(a => a.Name, StringComparer.Ordinal)];

    public async Task<Result<Account>> GetAsync(Guid householdId, Guid accountId, CancellationToken ct) =>
        await FindAsync(householdId, accountId, ct) is { } account ? account : NotFound(accountId);

    public async Task<Result<Account>> CreateAsync(Guid householdId, CreateAccountRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .Check(Enum.IsDefined(request.Type), "type", "Unknown account type.")
            .Check(request.ReliefMethod is null || Enum.IsDefined(request.ReliefMethod.Value), "reliefMethod", "Unknown lot relief method.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Institution, "institution", TextLimits.Institution)
            .CheckLength(request.Notes, "notes", TextLimits.Notes)
            .CheckLength(request.Number, "number", TextLimits.AccountNumber)
            .Check(request.Broker is null || BrokerNames.IsKnown(request.Broker), "broker", "The broker is paper or ibkr.")
            .CheckLength(request.BrokerAccountId, "brokerAccountId", TextLimits.BrokerAccountId);
        var currency = Currency.Usd;
        if (request.BaseCurrency is not null && !Currency.TryParse(request.BaseCurrency, out currency))
        {
            checks.Add("baseCurrency", $"'{request.BaseCurrency}' is not a supported ISO-4217 currency code.");
        }

        if (request.OwnerId is { } ownerId && !await db.People.AnyAsync(p => p.Id == ownerId && p.HouseholdId == householdId, ct))
        {
            checks.Add("ownerId", "The owner is not a person of this household.");
        }

        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        var account = new Account
        {
            HouseholdId = householdId,
            OwnerId = request.OwnerId,
            Name = request.Name!.Trim(),
            Type = request.Type,
            BaseCurrency = currency,
            Institution = request.Institution?.Trim() ?? "",
            Number = string.IsNullOrWhiteSpace(request.Number) ? null : new AccountNumber(request.Number),
            ReliefMethod = request.ReliefMethod ?? LotReliefMethod.Fifo,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes,
            WholeSharesOnly = request.WholeSharesOnly,
            Broker = request.Broker ?? BrokerNames.Paper,
            BrokerAccountId = string.IsNullOrWhiteSpace(request.BrokerAccountId) ? null : request.BrokerAccountId.Trim(),
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>
    /// Descriptive edits only (type and currency shape the history, so they stay). A changed relief
    /// method applies to the whole history on the next ledger write. A stale version is a concurrency
    /// conflict (the server answers 409).
    /// </summary>
    public async Task<Result<Account>> UpdateAsync(Guid householdId, Guid accountId, UpdateAccountRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = await FindAsync(householdId, accountId, ct);
        if (account is null)
        {
            return NotFound(accountId);
        }

        var checks = new InputChecks()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .Check(request.ReliefMethod is null || Enum.IsDefined(request.ReliefMethod.Value), "reliefMethod", "Unknown lot relief method.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Institution, "institution", TextLimits.Institution)
            .CheckLength(request.Notes, "notes", TextLimits.Notes)
            .Check(request.Broker is null || BrokerNames.IsKnown(request.Broker), "broker", "The broker is paper or ibkr.")
            .CheckLength(request.BrokerAccountId, "brokerAccountId", TextLimits.BrokerAccountId)
            .Check(request.DividendWithholdingRate is null or (>= 0m and <= 1m), "dividendWithholdingRate", "The withholding rate is a share from 0 to 1 (0.15 for 15%).");
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (request.Notes is not null)
        {
            account.Notes = request.Notes.Length == 0 ? null : request.Notes;
        }

        db.Entry(account).Property(a => a.Version).OriginalValue = request.Version;
        account.Name = request.Name!.Trim();
        account.Institution = request.Institution?.Trim() ?? account.Institution;
        account.ReliefMethod = request.ReliefMethod ?? account.ReliefMethod;
        account.WholeSharesOnly = request.WholeSharesOnly ?? account.WholeSharesOnly;
        account.Broker = request.Broker ?? account.Broker;
        account.DividendWithholdingRate = request.DividendWithholdingRate ?? account.DividendWithholdingRate;
        if (request.BrokerAccountId is not null)
        {
            account.BrokerAccountId = request.BrokerAccountId.Trim().Length == 0 ? null : request.BrokerAccountId.Trim();
        }
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>
    /// Only an account without history can be deleted (as in Ghostfolio): its transactions are what every
    /// report is built from, so the conflict says how many there are and that they go first. Audited.
    /// </summary>
    public async Task<Result<Account>> DeleteAsync(Guid householdId, Guid accountId, Guid actorId, CancellationToken ct)
    {
        var account = await FindAsync(householdId, accountId, ct);
        if (account is null)
        {
            return NotFound(accountId);
        }

        var transactions = await db.Transactions.CountAsync(t => t.AccountId == accountId, ct);
        if (transactions > 0)
        {
            return Problem.Conflict(
                ErrorCodes.AccountHasTransactions,
                string.Create(CultureInfo.InvariantCulture, $"{account.Name} has {transactions} transaction(s); delete them first. An account with history cannot be deleted, because the reports are built from it."));
        }

        db.Accounts.Remove(account);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditEvents.LedgerAccountDeleted, actorId, householdId, detail: accountId.ToString(), ct: ct);
        return account;
    }

    private Task<Account?> FindAsync(Guid householdId, Guid accountId, CancellationToken ct) =>
        db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId && a.HouseholdId == householdId, ct);
}
