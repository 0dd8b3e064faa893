using Glidepath.Domain.Results;

namespace Glidepath.Domain.Ledger;

/// <summary>The ledger's <see cref="LedgerError"/>s as one <see cref="Problem"/>: each error an item naming its transaction.</summary>
public static class LedgerProblems
{
    /// <summary>The code of a refusal whose errors have different codes.</summary>
    public const string Rejected = "ledger-rejected";

    /// <summary>
    /// Refused, with the errors' code when they share one (e.g. insufficient-quantity), else <see cref="Rejected"/>;
    /// the message is the error's own when there is one.
    /// </summary>
    public static Problem From(IReadOnlyList<LedgerError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A refusal needs at least one error.", nameof(errors));
        }

        var codes = errors.Select(e => e.Code).Distinct(StringComparer.Ordinal).ToList();
        return Problem.Refused(
            codes.Count == 1 ? codes[0] : Rejected,
            errors.Count == 1 ? errors[0].Message : "The ledger refused the transactions; nothing was booked.",
            [.. errors.Select(e => new ProblemReason(e.Code, e.Message, TransactionId: e.TransactionId))]);
    }

    /// <summary>The ledger errors a refusal holds (its items), e.g. to name the rows of a file they came from.</summary>
    public static IReadOnlyList<LedgerError> Errors(this Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return [.. problem.Items.Select(i => new LedgerError(i.TransactionId ?? Guid.Empty, i.Code, i.Message))];
    }
}
