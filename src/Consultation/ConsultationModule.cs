using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Cases;
using Nq45Consult.Consultation.Attachments;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Indicators;
using Nq45Consult.Consultation.Invitations;
using Nq45Consult.Consultation.Onboarding;
using Nq45Consult.Consultation.Notifications;
using Nq45Consult.Consultation.OpinionMap;
using Nq45Consult.Consultation.Recommendations;
using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Minutes;
using Nq45Consult.Consultation.Search;
using Nq45Consult.Consultation.Storage;
using Nq45Consult.Consultation.Surveys;

namespace Nq45Consult.Consultation;

/// <summary>
/// Composes the consultation model: the event store (Storage, which knows no capability) and each capability's own
/// Marten configuration. The order is the order in which they configure the store.
/// </summary>
public static class ConsultationModule
{
    public static IServiceCollection AddConsultation(this IServiceCollection services, string connectionString, StorageOptions storage) =>
        services.AddEventStore(connectionString, storage)
            .AddAccountsStore()
            .AddConsultationsStore()
            .AddFeedbackStore()
            .AddDialogueStore()
            .AddReviewStore()
            .AddMinutesStore()
            .AddSurveysStore()
            .AddExpertsStore()
            .AddIndicatorsStore()
            .AddNotificationsStore()
            .AddOpinionMapStore()
            .AddRecommendationsStore()
            .AddSearchStore()
            .AddInvitationsStore()
            .AddOnboardingStore()
            .AddCasesStore()
            .AddAttachmentsStore();
}
