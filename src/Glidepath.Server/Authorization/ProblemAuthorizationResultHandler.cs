using Glidepath.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Glidepath.Server.Authorization;

/// <summary>
/// Says why a signed-in request was refused: <c>step-up-required</c> (with RFC 9470's
/// <c>insufficient_user_authentication</c> challenge) or <c>mfa-required</c>; other refusals keep
/// the framework's 401/403, which the status-code pages turn into problem details.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        if (authorizeResult.Forbidden && failed.All(r => r is StepUpRequirement or MfaRequirement) && failed.Count > 0)
        {
            var stepUp = failed.Any(r => r is StepUpRequirement);
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_user_authentication\", error_description=\"A recent second factor is required\"";
            await new ForbiddenProblem(
                stepUp ? AuthErrorCodes.StepUpRequired : AuthErrorCodes.MfaRequired,
                stepUp
                    ? "This action needs a recent second factor: POST /api/me/step-up with a TOTP code, then retry with the new access token."
                    : "This role needs a sign-in with a second factor: enrol TOTP and sign in with the code.").ExecuteAsync(context);
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
