using Glidepath.Application.Errors;
using Glidepath.Application.Transactions;
using Glidepath.Domain.Categories;
using Glidepath.Domain.Results;
using Glidepath.Infrastructure.Categories;
using Glidepath.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Application.Categories;

/// <summary>
/// The household's learned categoriser (docs/categoriser.md): its status and metrics, training and evaluating it on
/// request (the API and <c>glidepath categorise train|evaluate</c>), retraining the households that are due (the
/// background job), and accepting a suggestion it stored on import.
/// </summary>
public sealed class CategoriserLearning(GlidepathDbContext db, HouseholdCategoriser categoriser, HouseholdTransactions transactions)
{
    public async Task<Result<CategoriserStatusDto>> StatusAsync(Guid householdId, CancellationToken ct)
    {
        var record = await categoriser.StatusAsync(householdId, ct);
        var sources = CategoriserPolicy.LearnsFrom.ToList();
        var labels = await db.TransactionCategories.AsNoTracking()
            .CountAsync(c => c.HouseholdId == householdId && c.CategoryId != null && sources.Contains(c.Source), ct);
        var trained = record is { TrainedAt: not null };
        return new CategoriserStatusDto(
            trained, trained ? record!.Version : null, record?.TrainedAt, record?.LabelCount ?? 0, record?.CategoryCount ?? 0, record?.HeldOutRows ?? 0,
            record?.Accuracy, record?.MacroF1, record?.CorrectionsSinceTraining ?? 0, CategoriserPolicy.RetrainAfterCorrections,
            labels, CategoriserPolicy.MinimumLabels, CategoriserPolicy.AutoSetConfidence);
    }

    /// <summary>Trains and stores the household's model now; refused (422 <c>not-enough-labels</c>) below the minimum.</summary>
    public async Task<Result<CategoriserStatusDto>> TrainAsync(Guid householdId, CancellationToken ct)
    {
        var training = await categoriser.TrainAsync(householdId, ct);
        return training.Trained ? await StatusAsync(householdId, ct) : Problem.Refused(ErrorCodes.NotEnoughLabels, training.Message);
    }

    /// <summary>Trains on all labelled rows but the held-out ones and scores those; stores nothing.</summary>
    public async Task<Result<CategoriserEvaluationDto>> EvaluateAsync(Guid householdId, CancellationToken ct)
    {
        var evaluation = await categoriser.EvaluateAsync(householdId, ct);
        return evaluation is { Accuracy: { } accuracy, MacroF1: { } macroF1 }
            ? new CategoriserEvaluationDto(evaluation.LabelCount, evaluation.CategoryCount, evaluation.HeldOutRows, accuracy, macroF1)
            : Problem.Refused(ErrorCodes.NotEnoughLabels, evaluation.Message);
    }

    /// <summary>Retrains every household that is due (<see cref="HouseholdCategoriser.DueAsync"/>); one line for the job run.</summary>
    public async Task<string> RetrainDueAsync(CancellationToken ct)
    {
        var due = await categoriser.DueAsync(ct);
        var trained = 0;
        foreach (var householdId in due)
        {
            db.ChangeTracker.Clear();
            if ((await categoriser.TrainAsync(householdId, ct)).Trained)
            {
                trained++;
            }
        }

        return $"{due.Count} households due: {trained} retrained, {due.Count - trained} with too few labels.";
    }

    /// <summary>Accepts the stored suggestion: the transaction gets its category as if set by hand (source Manual) and becomes a label.</summary>
    public async Task<Result<CategorisedTransactionDto>> AcceptSuggestionAsync(Guid householdId, Guid transactionId, CancellationToken ct)
    {
        if (!(await transactions.GetAsync(householdId, transactionId, ct)).TryGet(out var transaction, out var problem))
        {
            return problem;
        }

        var suggestion = await db.CategorySuggestions.FirstOrDefaultAsync(s => s.TransactionId == transactionId && s.HouseholdId == householdId, ct);
        if (suggestion is null)
        {
            return Problem.NotFound(ErrorCodes.SuggestionNotFound, $"Transaction {transactionId} has no suggested category.");
        }

        var tree = new CategoryTree(await CategorySeeding.EnsureTreeAsync(db, householdId, ct));
        var stored = await db.TransactionCategories.Include(c => c.Splits).FirstOrDefaultAsync(c => c.TransactionId == transactionId, ct);
        if (stored is null)
        {
            stored = new TransactionCategory { TransactionId = transactionId, HouseholdId = householdId };
            db.TransactionCategories.Add(stored);
        }
        else
        {
            db.SplitLines.RemoveRange(stored.Splits);
            stored.Splits.Clear();
        }

        stored.CategoryId = suggestion.CategoryId;
        stored.Source = CategorySource.Manual;
        stored.RuleId = null;
        db.CategorySuggestions.Remove(suggestion);
        await db.SaveChangesAsync(ct);
        return TransactionCategorising.ToDto(transaction, stored, tree, null);
    }
}
