using Glidepath.Domain.Results;
using Glidepath.Domain.Text;

namespace Glidepath.Application.Validation;

/// <summary>
/// Collects the invalid fields of one input, so a use case answers all of them at once
/// (<see cref="ToProblem"/>: one <see cref="ProblemKind.Invalid"/> problem, one reason per field and message).
/// </summary>
public sealed class InputChecks
{
    private readonly List<ProblemReason> reasons = [];

    public bool Failed => reasons.Count > 0;

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/> unless <paramref name="valid"/>.</summary>
    public InputChecks Check(bool valid, string field, string message) => valid ? this : Add(field, message);

    /// <summary>Records an error against <paramref name="field"/> when <paramref name="value"/> is longer than <paramref name="maxLength"/> (a <see cref="TextLimits"/> constant).</summary>
    public InputChecks CheckLength(string? value, string field, int maxLength) =>
        TextLimits.Fits(value, maxLength) ? this : Add(field, TextLimits.TooLong(maxLength, value!.Length));

    public InputChecks Add(string field, string message)
    {
        reasons.Add(new ProblemReason(Problem.ValidationFailed, message, field));
        return this;
    }

    public Problem ToProblem() => Problem.Invalid(reasons);
}
