namespace Glidepath.Server.Errors;

/// <summary>The <c>code</c> of a problem the framework raised without one (routing 404s, 405s, binding 400s).</summary>
public static class StatusCodeNames
{
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.BadRequest,
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status409Conflict => ErrorCodes.Conflict,
        StatusCodes.Status413PayloadTooLarge => "payload-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status429TooManyRequests => "rate-limited",
        >= 500 => ErrorCodes.InternalError,
        _ => "http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
