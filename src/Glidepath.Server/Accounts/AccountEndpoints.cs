using System.Globalization;
using Glidepath.Domain.Currencies;
using Glidepath.Domain.Households;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Server.Audit;
using Glidepath.Server.Auth;
using Glidepath.Server.Authorization;
using Glidepath.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Accounts;

/// <summary>A household's accounts: <c>/api/households/{householdId}/accounts</c>.</summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder household)
    {
        var group = household.MapGroup("/accounts").WithTags("Accounts");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{accountId:guid}", Get).WithName("GetAccount");
        // Changing bank details (institution, account number) and deleting data are critical actions.
        group.MapPut("/{accountId:guid}", Update).RequireStepUp();
        group.MapDelete("/{accountId:guid}", Delete).RequireStepUp();
        return household;
    }

    /// <summary>The 404 every feature answers for an account id outside the household.</summary>
    public static NotFoundProblem NotFound(Guid accountId) => new(ErrorCodes.AccountNotFound, $"Account {accountId} is not in this household.");

    private static async Task<Ok<List<AccountDto>>> List(Guid householdId, GlidepathDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Accounts.AsNoTracking().Where(a => a.HouseholdId == householdId).ToListAsync(ct))
            .OrderBy(a => a.Type).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => a.ToDto()).ToList());

    private static async Task<Results<Ok<AccountDto>, NotFoundProblem>> Get(Guid householdId, Guid accountId, GlidepathDbContext db, CancellationToken ct) =>
        await Find(db, householdId, accountId, ct) is { } account ? TypedResults.Ok(account.ToDto()) : NotFound(accountId);

    private static async Task<Results<CreatedAtRoute<AccountDto>, ValidationProblem>> Create(
        Guid householdId, CreateAccountRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .Check(Enum.IsDefined(request.Type), "type", "Unknown account type.")
            .Check(request.ReliefMethod is null || Enum.IsDefined(request.ReliefMethod.Value), "reliefMethod", "Unknown lot relief method.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Institution, "institution", TextLimits.Institution)
            .CheckLength(request.Notes, "notes", TextLimits.Notes)
            .CheckLength(request.Number, "number", TextLimits.AccountNumber);
        var currency = Currency.Usd;
        if (request.BaseCurrency is not null && !Currency.TryParse(request.BaseCurrency, out currency))
        {
            errors.Add("baseCurrency", $"'{request.BaseCurrency}' is not a supported ISO-4217 currency code.");
        }

        if (request.OwnerId is { } ownerId && !await db.People.AnyAsync(p => p.Id == ownerId && p.HouseholdId == householdId, ct))
        {
            errors.Add("ownerId", "The owner is not a person of this household.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
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
            ReliefMethod = request.ReliefMethod ?? Domain.TaxLots.LotReliefMethod.Fifo,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes,
            WholeSharesOnly = request.WholeSharesOnly,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(account.ToDto(), "GetAccount", new { householdId, accountId = account.Id });
    }

    /// <summary>
    /// Descriptive edits only (type and currency shape the history, so they stay). A changed relief
    /// method applies to the whole history on the next ledger write. A stale version answers 409.
    /// </summary>
    private static async Task<Results<Ok<AccountDto>, NotFoundProblem, ValidationProblem>> Update(
        Guid householdId, Guid accountId, UpdateAccountRequest request, GlidepathDbContext db, CancellationToken ct)
    {
        var account = await Find(db, householdId, accountId, ct);
        if (account is null)
        {
            return NotFound(accountId);
        }

        var errors = new ValidationErrors()
            .Check(!string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
            .Check(request.ReliefMethod is null || Enum.IsDefined(request.ReliefMethod.Value), "reliefMethod", "Unknown lot relief method.")
            .CheckLength(request.Name, "name", TextLimits.Name)
            .CheckLength(request.Institution, "institution", TextLimits.Institution)
            .CheckLength(request.Notes, "notes", TextLimits.Notes);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
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
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(account.ToDto());
    }

    /// <summary>
    /// Only an account without history can be deleted (as in Ghostfolio): its transactions are what every
    /// report is built from, so the 409 says how many there are and that they go first. Audited.
    /// </summary>
    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> Delete(
        Guid householdId, Guid accountId, GlidepathDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var account = await Find(db, householdId, accountId, ct);
        if (account is null)
        {
            return NotFound(accountId);
        }

        var transactions = await db.Transactions.CountAsync(t => t.AccountId == accountId, ct);
        if (transactions > 0)
        {
            return new ConflictProblem(
                ErrorCodes.AccountHasTransactions,
                string.Create(CultureInfo.InvariantCulture, $"{account.Name} has {transactions} transaction(s); delete them first. An account with history cannot be deleted, because the reports are built from it."));
        }

        db.Accounts.Remove(account);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditEvents.LedgerAccountDeleted, http.User.UserId(), householdId, detail: accountId.ToString(), ct: ct);
        return TypedResults.NoContent();
    }

    private static Task<Account?> Find(GlidepathDbContext db, Guid householdId, Guid accountId, CancellationToken ct) =>
        db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId && a.HouseholdId == householdId, ct);
}
