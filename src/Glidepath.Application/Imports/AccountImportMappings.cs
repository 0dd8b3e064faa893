using Glidepath.Application.Errors;
using Glidepath.Application.Validation;
using Glidepath.Domain.Results;
using Glidepath.Domain.Text;
using Glidepath.Infrastructure.Import.Transactions;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Imports;

/// <summary>
/// An account's saved column mapping (docs/import.md, "Saved mappings"): read, replace, delete. The caller has
/// already resolved the account's household (the account scope's ownership check); every query names both, so an
/// account of another household is never read or written. Stored as the JSON the CLI's <c>--mapping FILE</c> reads.
/// </summary>
public sealed class AccountImportMappings(GlidepathDbContext db, TimeProvider clock)
{
    /// <summary>The saved mapping, or null when the account has none (not an error: most accounts never need one).</summary>
    public async Task<ColumnMapping?> GetAsync(Guid householdId, Guid accountId, CancellationToken ct)
    {
        var json = await Owned(householdId, accountId).Select(m => m.MappingJson).FirstOrDefaultAsync(ct);

        // Stored only after the same checks, so it reads back; a mapping the rules later refuse counts as none.
        return json is null ? null : ColumnMapping.FromJson(json).Mapping;
    }

    /// <summary>Creates or replaces the account's mapping after checking it as an import would (and every text against its limit).</summary>
    public async Task<Result<ColumnMapping>> PutAsync(Guid householdId, Guid accountId, ColumnMapping mapping, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var checks = new InputChecks();
        foreach (var problem in mapping.Problems())
        {
            checks.Add("mapping", problem);
        }

        foreach (var (field, column) in mapping.NamedColumns)
        {
            checks.CheckLength(column, field, TextLimits.ImportMappingText);
        }

        checks.Check(mapping.Actions.Count <= ColumnMapping.MaxActions, "actions", $"At most {ColumnMapping.MaxActions} action words.");
        foreach (var word in mapping.Actions.Keys)
        {
            checks.CheckLength(word, "actions", TextLimits.ImportMappingText);
        }

        checks.CheckLength(mapping.DateFormat, "dateFormat", TextLimits.ImportMappingText);
        if (checks.Failed)
        {
            return checks.ToProblem();
        }

        if (!await db.Accounts.AnyAsync(a => a.Id == accountId && a.HouseholdId == householdId, ct))
        {
            return Problem.NotFound(ErrorCodes.AccountNotFound, $"Account {accountId} does not exist.");
        }

        var json = mapping.ToJson();
        if (json.Length > ColumnMapping.MaxJsonLength)
        {
            return Problem.Invalid("mapping", $"The mapping's JSON is {json.Length:N0} characters; at most {ColumnMapping.MaxJsonLength:N0}.");
        }

        var saved = await db.ImportMappings.FirstOrDefaultAsync(m => m.AccountId == accountId, ct);
        if (saved is null)
        {
            saved = new SavedColumnMapping { AccountId = accountId };
            db.ImportMappings.Add(saved);
        }

        (saved.MappingJson, saved.UpdatedUtc) = (json, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the other one won; saving again replaces it.
            return Problem.Conflict(ErrorCodes.ConcurrencyConflict, "The account's mapping was saved meanwhile; save again to replace it.");
        }

        return ColumnMapping.FromJson(json).Mapping!;
    }

    public async Task<Result<Guid>> DeleteAsync(Guid householdId, Guid accountId, CancellationToken ct) =>
        await Owned(householdId, accountId).ExecuteDeleteAsync(ct) == 1 ? accountId : NotSaved(accountId);

    private IQueryable<SavedColumnMapping> Owned(Guid householdId, Guid accountId) =>
        db.ImportMappings.Where(m => m.AccountId == accountId && db.Accounts.Any(a => a.Id == accountId && a.HouseholdId == householdId));

    private static Problem NotSaved(Guid accountId) =>
        Problem.NotFound(ErrorCodes.ImportMappingNotFound, $"Account {accountId} has no saved import mapping.");
}
