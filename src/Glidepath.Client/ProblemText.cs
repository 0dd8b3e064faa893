using Glidepath.Client.Generated.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Glidepath.Client;

/// <summary>An error answer of the API as one line for people: the problem's title and detail (RFC 7807), else the status.</summary>
public static class ProblemText
{
    public static string Describe(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (title, detail, status) = exception switch
        {
            ProblemDetails p => (p.Title, p.Detail, p.Status ?? exception.ResponseStatusCode),
            HttpValidationProblemDetails v => (v.Title, FirstError(v) ?? v.Detail, v.Status ?? exception.ResponseStatusCode),
            _ => (null, null, exception.ResponseStatusCode),
        };
        var text = string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return text.Length > 0 ? $"{text} (HTTP {status})" : $"the server answered HTTP {status}.";
    }

    /// <summary>A validation problem's first field error ("field: message"), which says more than its generic title.</summary>
    private static string? FirstError(HttpValidationProblemDetails problem)
    {
        var first = problem.Errors?.AdditionalData.FirstOrDefault();
        if (first is not { Key: { } field, Value: { } messages })
        {
            return null;
        }

        var message = messages switch
        {
            UntypedArray array => array.GetValue().OfType<UntypedString>().FirstOrDefault()?.GetValue(),
            UntypedString text => text.GetValue(),
            _ => messages.ToString(),
        };
        return message is null ? null : $"{field}: {message}";
    }
}
