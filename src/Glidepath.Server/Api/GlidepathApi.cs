namespace Glidepath.Server.Api;

public static class GlidepathApi
{
    /// <summary>
    /// Every feature's endpoints hang off this one <c>/api</c> group, so a policy added here
    /// (authorisation, rate limits) covers them all. Health, OpenAPI and the reference UI stay
    /// outside on purpose.
    /// </summary>
    public static RouteGroupBuilder MapGlidepathApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        return api;
    }
}
