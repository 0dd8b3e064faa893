using Glidepath.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Glidepath.Server.Authorization;

/// <summary>The token proves a second factor (<c>amr</c> has <c>mfa</c>) at an <c>auth_time</c> within the step-up window.</summary>
public sealed class StepUpRequirement : IAuthorizationRequirement;

/// <summary>The token proves a second factor, however long ago (advisor and admin routes).</summary>
public sealed class MfaRequirement : IAuthorizationRequirement;

internal sealed class StepUpHandler(IOptions<AuthOptions> options, TimeProvider clock) : AuthorizationHandler<StepUpRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StepUpRequirement requirement)
    {
        var at = context.User.AuthenticatedAt();
        var window = TimeSpan.FromMinutes(options.Value.StepUpMinutes);
        if (context.User.HasMfa() && at is { } time && clock.GetUtcNow() - time <= window)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

internal sealed class MfaHandler : AuthorizationHandler<MfaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MfaRequirement requirement)
    {
        if (context.User.HasMfa())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
