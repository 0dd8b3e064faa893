using System.Text.Json;
using Glidepath.Infrastructure.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Glidepath.Server.Observability;

/// <summary>
/// Metrics, traces and logs (docs/operations.md): OpenTelemetry for ASP.NET Core, HttpClient, EF Core,
/// the runtime and the <c>Glidepath</c> meter; Prometheus on a listener of its own (<see cref="MetricsOptions"/>);
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; JSON console logs, one event per line with
/// the trace and span ids, when <c>Logging:Format</c> is <c>json</c> (the default outside Development).
/// </summary>
public static class ObservabilityRegistration
{
    public const string JsonFormat = "json";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var metrics = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] ?? "glidepath",
                serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}"))
            .WithMetrics(meters =>
            {
                meters.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(GlidepathMetrics.Name, "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Server.Kestrel");
                if (metrics.Port > 0)
                {
                    meters.AddPrometheusHttpListener(listener =>
                    {
                        listener.Host = metrics.Host;
                        listener.Port = metrics.Port;
                        listener.ScrapeEndpointPath = "/metrics";
                    });
                }
            })
            .WithTracing(traces =>
            {
                traces.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource(GlidepathMetrics.Name, "Npgsql");
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        // Every log event carries the trace it belongs to, whatever the format.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var format = configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : JsonFormat);
        if (string.Equals(format, JsonFormat, StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }

        return builder;
    }
}
