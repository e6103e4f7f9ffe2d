using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Attachments;

namespace Nq45Consult.Web.Attachments;

/// <summary>Attachments: settings validated at start, handlers, the download and withdrawal routes.</summary>
public static class AttachmentsSetup
{
    public static WebApplicationBuilder AddAttachments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AttachmentsOptions>().BindConfiguration(AttachmentsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttachmentsOptions>>(new ProblemsValidation<AttachmentsOptions>(o => o.Problems()));
        services.AddAttachmentsHandlers();
        return builder;
    }

    public static WebApplication MapAttachments(this WebApplication app) => app.MapAttachmentEndpoints();
}
