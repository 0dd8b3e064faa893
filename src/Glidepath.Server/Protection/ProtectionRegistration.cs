namespace Glidepath.Server.Protection;

/// <summary>Rate limits, CORS (<c>Cors:AllowedOrigins</c>), HSTS and the request size limit (<c>Limits:MaxRequestBodyBytes</c>).</summary>
public static class ProtectionRegistration
{
    public const string CorsPolicy = "allow-list";

    public static WebApplicationBuilder AddProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGlidepathRateLimits(builder.Configuration);
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins(origins).WithMethods("GET", "POST", "PUT", "PATCH", "DELETE").WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key")
                .WithExposedHeaders("Retry-After", "Location", "ETag", "RateLimit", "RateLimit-Policy", "Idempotent-Replayed").SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
            options.ExcludedHosts.Clear(); // HSTS whenever the request came over TLS, localhost included
        });

        // Large CSV imports fit; anything bigger is refused with 413 before it is read.
        var maxBody = builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 16L * 1024 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = maxBody;
            kestrel.AddServerHeader = false; // no "Server: Kestrel": nothing to fingerprint
        });
        return builder;
    }

    public static WebApplication UseProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseRateLimitHeaders();
        app.UseHsts(); // adds the header on HTTPS requests only
        app.UseCors(CorsPolicy);
        return app;
    }
}
