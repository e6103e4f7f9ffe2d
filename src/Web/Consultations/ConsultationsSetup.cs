using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations.ContentImport;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Seeding;

namespace Nq45Consult.Web.Consultations;

/// <summary>Consultations and drafts: services, settings validated at start, routes and background work.</summary>
public static class ConsultationsSetup
{
    public static WebApplicationBuilder AddConsultations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConsultationOptions>().Bind(builder.Configuration.GetSection(ConsultationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsultationOptions>, ConsultationOptionsValidation>();
        services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));
        services.AddSingleton<ConsultationCommands>();
        services.AddSingleton<DraftImporter>();
        services.AddScoped<ConsultationQueries>();
        services.AddSingleton<IDemoSeeder, SampleDraftsSeeder>();
        services.AddHostedService<ConsultationCloser>();
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)));
        return builder;
    }

    public static WebApplication MapConsultations(this WebApplication app)
    {
        app.MapConsultationEndpoints();
        app.MapDraftPreview();
        return app;
    }
}

/// <summary>Fails the start with the key's path when a Consultation setting is wrong.</summary>
public sealed class ConsultationOptionsValidation : IValidateOptions<ConsultationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsultationOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
