using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Cases.Accepting;
using Nq45Consult.Consultation.Cases.AnsweringAppointment;
using Nq45Consult.Consultation.Cases.Appointing;
using Nq45Consult.Consultation.Cases.AssemblingReport;
using Nq45Consult.Consultation.Cases.Declining;
using Nq45Consult.Consultation.Cases.Documents;
using Nq45Consult.Consultation.Cases.DraftingReview;
using Nq45Consult.Consultation.Cases.LinkingSession;
using Nq45Consult.Consultation.Cases.Meeting;
using Nq45Consult.Consultation.Cases.RecordingAnswer;
using Nq45Consult.Consultation.Cases.Requesting;
using Nq45Consult.Consultation.Cases.SendingReport;
using Nq45Consult.Consultation.Cases.SubmittingReview;
using Nq45Consult.Consultation.Review.Minutes;

namespace Nq45Consult.Consultation.Cases;

public static class CasesHandlers
{
    /// <summary>The cases' handlers and queries; a case as the owner of its documents and of its meeting's minutes.</summary>
    public static IServiceCollection AddCasesHandlers(this IServiceCollection services)
    {
        services.AddSingleton<RequestCaseHandler>();
        services.AddSingleton<AcceptCaseHandler>();
        services.AddSingleton<DeclineCaseHandler>();
        services.AddSingleton<AppointCouncilMemberHandler>();
        services.AddSingleton<AnswerAppointmentHandler>();
        services.AddSingleton<LinkCaseSessionHandler>();
        services.AddSingleton<SendCaseReportHandler>();
        services.AddSingleton<RecordAgencyAnswerHandler>();
        services.AddScoped<CaseQueries>();
        services.AddSingleton<IAttachmentOwner, CaseAttachments>();
        services.AddSingleton<IMeetingCouncils, CaseMeetingCouncils>();
        services.AddSingleton<DraftReviewHandler>();
        services.AddSingleton<SubmitReviewHandler>();
        services.AddSingleton<AssembleCaseReportHandler>();
        services.AddScoped<CaseReviewQueries>();
        return services;
    }
}
