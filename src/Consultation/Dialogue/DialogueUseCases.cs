using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Consultation.Dialogue.Asking;
using Nq45Consult.Consultation.Dialogue.Chatting;
using Nq45Consult.Consultation.Dialogue.Moderating;
using Nq45Consult.Consultation.Dialogue.Polling;
using Nq45Consult.Consultation.Dialogue.Running;
using Nq45Consult.Consultation.Dialogue.Scheduling;

namespace Nq45Consult.Consultation.Dialogue;

public static class DialogueUseCases
{
    /// <summary>
    /// The sessions' one writer (its queues and known states live as long as the app), the handlers that go
    /// through it, and the queries.
    /// </summary>
    public static IServiceCollection AddDialogueUseCases(this IServiceCollection services)
    {
        services.AddSingleton<DialogueSessions>();
        services.AddSingleton<ScheduleSessionHandler>();
        services.AddSingleton<StartSessionHandler>();
        services.AddSingleton<MoveToNextAgendaStepHandler>();
        services.AddSingleton<EndSessionHandler>();
        services.AddSingleton<AskQuestionHandler>();
        services.AddSingleton<ToggleUpvoteHandler>();
        services.AddSingleton<ApproveQuestionHandler>();
        services.AddSingleton<RejectQuestionHandler>();
        services.AddSingleton<AnswerQuestionHandler>();
        services.AddSingleton<PinQuestionHandler>();
        services.AddSingleton<OpenPollHandler>();
        services.AddSingleton<CastVoteHandler>();
        services.AddSingleton<ClosePollHandler>();
        services.AddSingleton<SayMessageHandler>();
        services.AddSingleton<HideMessageHandler>();
        services.AddScoped<DialogueQueries>();
        return services;
    }
}
