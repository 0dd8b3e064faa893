using Glidepath.Infrastructure.Identity;
using Glidepath.Server.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Glidepath.Server.Authorization;

/// <summary>
/// Named policies. The /api group requires the default policy (a valid access token); endpoints add
/// a named one on top: <c>.RequireAuthorization(AuthPolicies.StepUp)</c> or <c>.RequireStepUp()</c>
/// for a critical action (placing trades or accepting orders, linking accounts, changing bank
/// details, exporting or deleting data).
/// </summary>
public static class AuthPolicies
{
    /// <summary>A second factor proven within <see cref="AuthOptions.StepUpMinutes"/>.</summary>
    public const string StepUp = "step-up";

    /// <summary>The advisor role, signed in with a second factor.</summary>
    public const string Advisor = "advisor";

    /// <summary>The admin role, signed in with a second factor.</summary>
    public const string Admin = "admin";

    /// <summary>The <c>write:reference-data</c> scope (instruments and prices).</summary>
    public const string ReferenceDataWriter = "reference-data-writer";

    public static TBuilder RequireStepUp<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.RequireAuthorization(StepUp);

    public static IServiceCollection AddGlidepathPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, StepUpHandler>();
        services.AddSingleton<IAuthorizationHandler, MfaHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(StepUp, p => p.RequireAuthenticatedUser().AddRequirements(new StepUpRequirement()))
            .AddPolicy(Advisor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Advisor).AddRequirements(new MfaRequirement()))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).AddRequirements(new MfaRequirement()))
            .AddPolicy(ReferenceDataWriter, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(Scopes.WriteReferenceData)));
        return services;
    }
}
