using Glidepath.Server.Auth.External;
using Glidepath.Server.Protection;

namespace Glidepath.Server.Auth;

/// <summary>
/// The anonymous <c>/auth</c> routes: register, login, refresh, logout, e-mail confirmation and
/// password reset. Rate limited per IP (and per account inside login and refresh).
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        auth.MapPost("/register", Registration.Register);
        auth.MapPost("/login", SignIn.Login);
        auth.MapPost("/refresh", SignIn.Refresh);
        auth.MapPost("/logout", SignIn.Logout);
        auth.MapPost("/confirm-email", Registration.ConfirmEmail);
        auth.MapPost("/forgot-password", Registration.ForgotPassword);
        auth.MapPost("/reset-password", Registration.ResetPassword);
        app.MapExternalLoginEndpoints();
        return app;
    }
}
