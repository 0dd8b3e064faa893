namespace Glidepath.Server.Errors;

public static class ErrorsRegistration
{
    /// <summary>Problem details for every error, each with a stable <c>code</c>, and the exception handler.</summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Problems raised by the framework itself (routing 404, 405, binding 400) get a code too.
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(
                "code",
                context.ProblemDetails is HttpValidationProblemDetails ? ErrorCodes.ValidationFailed : StatusCodeNames.ForStatus(status));
        });
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
