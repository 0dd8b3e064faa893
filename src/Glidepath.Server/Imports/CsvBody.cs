using Glidepath.Server.Errors;

namespace Glidepath.Server.Imports;

/// <summary>The uploaded CSV: the first file of a multipart form, or the raw request body.</summary>
internal static class CsvBody
{
    /// <summary>Null when the request carries no file (an empty body or a form without one).</summary>
    public static async Task<Stream?> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, ct);
            return form.Files.Count > 0 && form.Files[0].Length > 0 ? form.Files[0].OpenReadStream() : null;
        }

        // The importers read forward once; buffering lets an empty body be told apart first.
        request.EnableBuffering();
        var probe = new byte[1];
        if (await request.Body.ReadAsync(probe, ct) == 0)
        {
            return null;
        }

        request.Body.Position = 0;
        return request.Body;
    }

    /// <summary>
    /// A form the framework cannot read (no or a bad boundary, more parts than <c>FormOptions</c> allows, a
    /// truncated body) is the client's mistake: a 400 problem, not the reader's exception as a 500.
    /// </summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException && e is not BadHttpRequestException)
        {
            throw new BadHttpRequestException("The multipart form could not be read: " + e.Message, StatusCodes.Status400BadRequest, e);
        }
    }

    /// <summary>A text field of the multipart form (e.g. a column mapping sent with the file), or null.</summary>
    public static async Task<string?> FormFieldAsync(HttpRequest request, string name, CancellationToken ct) =>
        request.HasFormContentType && (await ReadFormAsync(request, ct)).TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;

    public static ValidationProblem Missing() => ValidationErrors.Single("file", "Send the CSV as the request body (text/csv) or as a multipart file.");
}
