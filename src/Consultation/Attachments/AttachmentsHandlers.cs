using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Attachments.Uploading;
using Nq45Consult.Consultation.Attachments.Withdrawing;

namespace Nq45Consult.Consultation.Attachments;

public static class AttachmentsHandlers
{
    /// <summary>The attachments' handlers and queries; each owner kind registers its <see cref="IAttachmentOwner"/>.</summary>
    public static IServiceCollection AddAttachmentsHandlers(this IServiceCollection services)
    {
        services.AddSingleton<AttachmentOwners>();
        services.AddSingleton<UploadAttachmentHandler>();
        services.AddSingleton<WithdrawAttachmentHandler>();
        services.AddSingleton<AttachmentQueries>();
        return services;
    }
}
