using Glidepath.Domain.Text;

namespace Glidepath.Server.Errors;

/// <summary>Collects field errors of one request; answers 400 naming every field that is wrong.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool HasErrors => errors.Count > 0;

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/> unless <paramref name="valid"/>.</summary>
    public ValidationErrors Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            Add(field, message);
        }

        return this;
    }

    /// <summary>Records an error against <paramref name="field"/> when <paramref name="value"/> is longer than <paramref name="maxLength"/> (a <see cref="TextLimits"/> constant).</summary>
    public ValidationErrors CheckLength(string? value, string field, int maxLength) =>
        TextLimits.Fits(value, maxLength) ? this : Add(field, TextLimits.TooLong(maxLength, value!.Length));

    public ValidationErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public ValidationProblem ToProblem() => Problem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    public static ValidationProblem Problem(IDictionary<string, string[]> fieldErrors) =>
        TypedResults.ValidationProblem(
            fieldErrors,
            title: "One or more fields are invalid.",
            extensions: [new("code", ErrorCodes.ValidationFailed)]);

    public static ValidationProblem Single(string field, string message) => new ValidationErrors().Add(field, message).ToProblem();
}
