using System.Collections.Concurrent;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Households;
using Glidepath.Domain.Transactions;
using Glidepath.Infrastructure.Persistence;
using Glidepath.Ml.Categories;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Infrastructure.Categories;

/// <summary>What a training or an evaluation did (docs/categoriser.md).</summary>
/// <param name="Trained">False when the household has too few labels (<see cref="CategoriserPolicy.MinimumLabels"/>) or categories.</param>
public sealed record CategoriserTraining(bool Trained, int LabelCount, int CategoryCount, int HeldOutRows, double? Accuracy, double? MacroF1, int? Version, string Message);

/// <summary>One prediction for a transaction: the category and the model's probability of it.</summary>
public readonly record struct CategoriserGuess(Guid CategoryId, double Confidence);

/// <summary>
/// A household's learned categoriser (docs/categoriser.md): trains it on the household's own categorised rows (hand-set,
/// rule-set and statement-set; never the model's own nor the dictionary's), measures it on a held-out split, stores it
/// (<c>categoriser_models</c>), and predicts with it. Stored models are loaded lazily and cached per process by household
/// and version, so a retraining on another instance is picked up on the next read of the version.
/// </summary>
public sealed class HouseholdCategoriser(GlidepathDbContext db, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<Guid, (int Version, CategoriserModel Model)> Cache = new();

    /// <summary>The household's labelled rows, in transaction-id order (the held-out split's order).</summary>
    private async Task<List<(Guid TransactionId, LabelledRow Row)>> LabelledRowsAsync(Guid householdId, CancellationToken ct)
    {
        var sources = CategoriserPolicy.LearnsFrom.ToList();
        var rows = await (from c in db.TransactionCategories.AsNoTracking()
                          join t in db.Transactions.AsNoTracking() on c.TransactionId equals t.Id
                          join a in db.Accounts.AsNoTracking() on t.AccountId equals a.Id
                          where c.HouseholdId == householdId && c.CategoryId != null && sources.Contains(c.Source)
                          orderby c.TransactionId
                          select new { Transaction = t, a.Type, c.Payee, CategoryId = c.CategoryId!.Value }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Transaction.Id, new LabelledRow(RowOf(r.Transaction, r.Type, r.Payee), r.CategoryId.ToString("N"))))];
    }

    /// <summary>Trains on the held-out split and scores it, without storing anything (<c>glidepath categorise evaluate</c>).</summary>
    public async Task<CategoriserTraining> EvaluateAsync(Guid householdId, CancellationToken ct)
    {
        var rows = (await LabelledRowsAsync(householdId, ct)).Select(r => r.Row).ToList();
        if (TooFew(rows) is { } refusal)
        {
            return refusal;
        }

        var (_, score) = CategoriserEvaluation.TrainAndEvaluate(rows, CategoriserPolicy.HoldOutEvery);
        return new CategoriserTraining(false, rows.Count, Categories(rows), score.Rows, score.Accuracy, score.MacroF1, null,
            $"Evaluated on {score.Rows} held-out rows of {rows.Count}; nothing stored.");
    }

    /// <summary>
    /// Measures a model on the held-out split, trains the stored one on every labelled row, stores it with its metrics and
    /// resets the corrections counter. Too few labels: nothing is stored.
    /// </summary>
    public async Task<CategoriserTraining> TrainAsync(Guid householdId, CancellationToken ct)
    {
        var rows = (await LabelledRowsAsync(householdId, ct)).Select(r => r.Row).ToList();
        if (TooFew(rows) is { } refusal)
        {
            return refusal;
        }

        var (_, score) = CategoriserEvaluation.TrainAndEvaluate(rows, CategoriserPolicy.HoldOutEvery);
        var model = CategoriserModel.Train(rows);
        var record = await db.CategoriserModels.SingleOrDefaultAsync(m => m.HouseholdId == householdId, ct);
        if (record is null)
        {
            record = new CategoriserModelRecord { HouseholdId = householdId };
            db.CategoriserModels.Add(record);
        }

        record.Model = model.Save();
        record.Version++;
        record.FormatVersion = CategoriserModel.FormatVersion;
        record.TrainedAt = clock.GetUtcNow();
        record.LabelCount = rows.Count;
        record.CategoryCount = Categories(rows);
        record.HeldOutRows = score.Rows;
        record.Accuracy = score.Accuracy;
        record.MacroF1 = score.MacroF1;
        record.CorrectionsSinceTraining = 0;
        await db.SaveChangesAsync(ct);
        Cache[householdId] = (record.Version, model);
        return new CategoriserTraining(true, rows.Count, record.CategoryCount, score.Rows, score.Accuracy, score.MacroF1, record.Version,
            $"Trained version {record.Version} on {rows.Count} labelled rows in {record.CategoryCount} categories.");
    }

    /// <summary>The stored record (status and metrics), or null before the first correction or training.</summary>
    public Task<CategoriserModelRecord?> StatusAsync(Guid householdId, CancellationToken ct) =>
        db.CategoriserModels.AsNoTracking().Where(m => m.HouseholdId == householdId)
            .Select(m => new CategoriserModelRecord
            {
                HouseholdId = m.HouseholdId,
                Version = m.Version,
                FormatVersion = m.FormatVersion,
                TrainedAt = m.TrainedAt,
                LabelCount = m.LabelCount,
                CategoryCount = m.CategoryCount,
                HeldOutRows = m.HeldOutRows,
                Accuracy = m.Accuracy,
                MacroF1 = m.MacroF1,
                CorrectionsSinceTraining = m.CorrectionsSinceTraining,
            }).SingleOrDefaultAsync(ct);

    /// <summary>Counts a category set by hand towards the next retraining (<see cref="CategoriserPolicy.RetrainAfterCorrections"/>).</summary>
    public async Task NoteCorrectionAsync(Guid householdId, CancellationToken ct)
    {
        var updated = await db.CategoriserModels.Where(m => m.HouseholdId == householdId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CorrectionsSinceTraining, m => m.CorrectionsSinceTraining + 1), ct);
        if (updated == 0)
        {
            db.CategoriserModels.Add(new CategoriserModelRecord { HouseholdId = householdId, CorrectionsSinceTraining = 1 });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request created the row at the same moment: count on theirs.
                db.ChangeTracker.Clear();
                await db.CategoriserModels.Where(m => m.HouseholdId == householdId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.CorrectionsSinceTraining, m => m.CorrectionsSinceTraining + 1), ct);
            }
        }
    }

    /// <summary>
    /// The households the background job retrains: those with <see cref="CategoriserPolicy.RetrainAfterCorrections"/>
    /// corrections since their last training, those whose model was saved by another <see cref="CategoriserModel.FormatVersion"/>,
    /// and those with no model yet but enough labels.
    /// </summary>
    public async Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        var sources = CategoriserPolicy.LearnsFrom.ToList();
        var stale = await db.CategoriserModels.AsNoTracking()
            .Where(m => m.CorrectionsSinceTraining >= CategoriserPolicy.RetrainAfterCorrections || (m.Model != null && m.FormatVersion != CategoriserModel.FormatVersion))
            .Select(m => m.HouseholdId).ToListAsync(ct);
        var trained = db.CategoriserModels.Where(m => m.Model != null).Select(m => m.HouseholdId);
        var fresh = await db.TransactionCategories.AsNoTracking()
            .Where(c => c.CategoryId != null && sources.Contains(c.Source) && !trained.Contains(c.HouseholdId))
            .GroupBy(c => c.HouseholdId).Where(g => g.Count() >= CategoriserPolicy.MinimumLabels).Select(g => g.Key).ToListAsync(ct);
        return [.. stale.Union(fresh).Order()];
    }

    /// <summary>The household's model's guess for each row, or null when it has no usable model.</summary>
    public async Task<IReadOnlyList<CategoriserGuess>?> PredictAsync(Guid householdId, IReadOnlyList<(Transaction Transaction, AccountType AccountType, string? Payee)> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || await ModelAsync(householdId, ct) is not { } model)
        {
            return null;
        }

        var predictions = model.Predict([.. rows.Select(r => RowOf(r.Transaction, r.AccountType, r.Payee))]);
        return [.. predictions.Select(p => new CategoriserGuess(Guid.ParseExact(p.Label, "N"), p.Confidence))];
    }

    private async Task<CategoriserModel?> ModelAsync(Guid householdId, CancellationToken ct)
    {
        var stored = await db.CategoriserModels.AsNoTracking().Where(m => m.HouseholdId == householdId && m.Model != null)
            .Select(m => new { m.Version, m.FormatVersion }).SingleOrDefaultAsync(ct);
        if (stored is null || stored.FormatVersion != CategoriserModel.FormatVersion)
        {
            return null;
        }

        if (Cache.TryGetValue(householdId, out var cached) && cached.Version == stored.Version)
        {
            return cached.Model;
        }

        var bytes = await db.CategoriserModels.AsNoTracking().Where(m => m.HouseholdId == householdId && m.Version == stored.Version)
            .Select(m => m.Model).SingleOrDefaultAsync(ct);
        if (bytes is null)
        {
            return null;
        }

        var model = CategoriserModel.Load(bytes);
        Cache[householdId] = (stored.Version, model);
        return model;
    }

    internal static CategoriserRow RowOf(Transaction t, AccountType accountType, string? payee) =>
        new(payee ?? CashFlow.PayeeOf(t.Memo), t.Memo ?? "", (double)CashFlow.SignedAmount(t), t.TradeDate.Day, accountType.ToString());

    private static int Categories(List<LabelledRow> rows) => rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count();

    private static CategoriserTraining? TooFew(List<LabelledRow> rows)
    {
        var categories = Categories(rows);
        return rows.Count >= CategoriserPolicy.MinimumLabels && categories >= CategoriserPolicy.MinimumCategories ? null
            : new CategoriserTraining(false, rows.Count, categories, 0, null, null, null,
                $"Not enough labels: {rows.Count} categorised rows in {categories} categories; the categoriser needs {CategoriserPolicy.MinimumLabels} in at least {CategoriserPolicy.MinimumCategories}.");
    }
}
