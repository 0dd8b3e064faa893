using Glidepath.Domain.Results;

namespace Glidepath.Domain.Valuation;

/// <summary>
/// <see cref="ValuationError"/>s as one <see cref="Problem"/>: refused (the request is fine, the data cannot answer it),
/// with the errors' code when they share one, else <see cref="Failed"/>, each error an item.
/// </summary>
public static class ValuationProblems
{
    /// <summary>The code of a valuation that failed for reasons of different kinds.</summary>
    public const string Failed = "valuation-failed";

    public static Problem From(IReadOnlyList<ValuationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed valuation needs at least one error.", nameof(errors));
        }

        var codes = errors.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count();
        return Problem.Refused(codes == 1 ? errors[0].Code : Failed, errors[0].Message, [.. errors.Select(e => new ProblemReason(e.Code, e.Message))]);
    }

    public static Problem From(ValuationError error) => From([error]);

    public static Problem From(string code, string message) => From(new ValuationError(code, message));

    /// <summary>The errors a valuation problem holds, to gather them with others into one problem.</summary>
    public static IEnumerable<ValuationError> Errors(this Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Items.Count == 0 ? [new ValuationError(problem.Code, problem.Message)] : problem.Items.Select(i => new ValuationError(i.Code, i.Message));
    }

    /// <summary>One problem holding the errors of every failed step (null ones succeeded); at least one must have failed.</summary>
    public static Problem Combine(params IEnumerable<Problem?> problems) => From([.. problems.OfType<Problem>().SelectMany(p => p.Errors())]);
}
