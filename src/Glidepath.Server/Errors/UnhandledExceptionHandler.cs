using Glidepath.Infrastructure.Encryption;
using Glidepath.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Glidepath.Server.Errors;

/// <summary>
/// The one place exceptions become answers. Expected failures never get here (handlers return
/// them as values); what does is a lost concurrency race (409) or a bug (500, logged, with no
/// detail in the answer so nothing internal leaks).
/// </summary>
internal sealed class UnhandledExceptionHandler(IProblemDetailsService problems, ILogger<UnhandledExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title) = exception switch
        {
            DbUpdateConcurrencyException =>
                (StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict, "The data was changed by another request; reload it and try again."),
            // Check-then-insert lost a race (two requests creating the same name at once): the unique index decides.
            DbUpdateException update when UniqueViolations.Is(update) =>
                (StatusCodes.Status409Conflict, ErrorCodes.Conflict, "Another request created the same thing at the same time; reload and try again."),
            // PostgreSQL chose this request's transaction to end a deadlock or a serialization conflict with another one
            // (the execution strategy wraps it as a transient failure): nothing was saved, and trying again will do.
            _ when InChain(exception, e => e is System.Data.Common.DbException { SqlState: "40P01" or "40001" }) =>
                (StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict, "The data was changed by another request at the same time; reload it and try again."),
            BadHttpRequestException bad => (bad.StatusCode, StatusCodeNames.ForStatus(bad.StatusCode), "The request could not be read."),
            _ when InChain(exception, e => e is FieldDecryptionException) => (StatusCodes.Status500InternalServerError, ErrorCodes.EncryptedFieldUnreadable,
                "Stored encrypted data could not be read with the configured key ring; an operator must check the keys (see the server log)."),
            _ => (StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An unexpected error occurred."),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        // The framework's own reading errors say what was wrong with the request (and nothing internal).
        var problem = new ProblemDetails { Status = status, Title = title, Detail = (exception as BadHttpRequestException)?.Message };
        problem.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>Whether the exception or one it wraps (EF wraps converters' and the database's exceptions) matches.</summary>
    private static bool InChain(Exception exception, Func<Exception, bool> match)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (match(e))
            {
                return true;
            }
        }

        return false;
    }
}
