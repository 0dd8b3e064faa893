using Glidepath.Domain.Anomalies;
using Glidepath.Domain.Budgets;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Transactions;
using Glidepath.Quant.Anomalies;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Anomalies;

public sealed partial class HouseholdAnomalies
{
    /// <summary>
    /// Charges booked twice among the days a scan records (docs/anomalies.md, "Duplicated charges"): withdrawals and fees,
    /// not transfers between the household's own accounts nor rows categorised as transfers or income, by account, payee
    /// (as the reports name it) and amount to the cent, on one day. The repeat is recorded, keyed by its transaction id;
    /// its value and typical value are the charge's amount in the account's currency.
    /// </summary>
    private async Task<List<HouseholdAnomaly>> DuplicatesAsync(Guid householdId, DateOnly from, DateOnly to, CategoryTree tree, DateTimeOffset now, CancellationToken ct)
    {
        var outflows = await db.Transactions.AsNoTracking()
            .Where(t => t.TradeDate >= from && t.TradeDate <= to && t.TransferId == null
                && (t.Type == TransactionType.Withdrawal || t.Type == TransactionType.Fee)
                && db.Accounts.Any(a => a.Id == t.AccountId && a.HouseholdId == householdId))
            .ToListAsync(ct);
        if (outflows.Count < 2)
        {
            return [];
        }

        var ids = outflows.Select(t => t.Id).ToList();
        var categories = await db.TransactionCategories.AsNoTracking().Include(c => c.Splits)
            .Where(c => c.HouseholdId == householdId && ids.Contains(c.TransactionId)).ToDictionaryAsync(c => c.TransactionId, ct);
        bool NotSpending(TransactionCategory? c) =>
            c?.CategoryId is { } id && tree.Find(id) is { } node && tree.KindOf(node) is CategoryKind.Transfer or CategoryKind.Income;

        var byId = outflows.ToDictionary(t => t.Id);
        var charges = outflows.Where(t => !NotSpending(categories.GetValueOrDefault(t.Id)))
            .Select(t => new Charge(t.Id, t.AccountId, t.TradeDate, t.Amount, SpendingEntry.Of(t, categories.GetValueOrDefault(t.Id)).First().Payee));
        return [.. DuplicateCharges.Find(charges).Select(d => new HouseholdAnomaly
        {
            HouseholdId = householdId,
            SeriesKind = AnomalySeriesKinds.DuplicateCharge,
            SeriesKey = d.Repeat.Id.ToString("D"),
            SeriesLabel = d.Repeat.Payee.Length == 0 ? "(no payee)" : d.Repeat.Payee[..Math.Min(d.Repeat.Payee.Length, 400)],
            Date = d.Repeat.Date,
            Value = (double)d.Repeat.Amount,
            Typical = (double)d.Original.Amount,
            Score = 0,
            Threshold = 0,
            Method = AnomalyMethods.DuplicateCharge,
            Currency = byId[d.Repeat.Id].Currency.Code,
            DetectedUtc = now,
        })];
    }
}
