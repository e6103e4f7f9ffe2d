using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Nq45Consult.Web.Shell;

/// <summary>Structured logs, and OpenTelemetry traces and metrics of ASP.NET Core and Marten.</summary>
public static class Observability
{
    public const string ServiceName = "nq45consult";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        // JSON lines outside Development, so log shippers get fields instead of prose.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.UseUtcTimestamp = true);
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource("Marten"))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter("Marten"));

        // Export only where a collector is configured; otherwise the instrumentation costs next to nothing.
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        if (!string.IsNullOrWhiteSpace(endpoint))
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(endpoint));
        else if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }
}
