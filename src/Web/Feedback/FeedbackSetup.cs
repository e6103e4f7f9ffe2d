using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Moderating;
using Nq45Consult.Consultation.Feedback.Recording;
using Nq45Consult.Consultation.Feedback.Reporting;
using Nq45Consult.Consultation.Feedback.Revising;
using Nq45Consult.Consultation.Feedback.Submitting;
using Nq45Consult.Consultation.Feedback.Withdrawing;

namespace Nq45Consult.Web.Feedback;

public static class FeedbackSetup
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidation>();
        services.AddSingleton<PublishedSections>();
        // A singleton: it holds the queue of submissions that are group-committed together.
        services.AddSingleton<SubmitFeedbackHandler>();
        services.AddSingleton<ReviseFeedbackHandler>();
        services.AddSingleton<WithdrawFeedbackHandler>();
        services.AddSingleton<ReportFeedbackHandler>();
        services.AddSingleton<ModerateFeedbackHandler>();
        services.AddSingleton<RecordFeedbackOnBehalfHandler>();
        services.AddHostedService<FeedbackCountersStartup>();
        services.AddScoped<FeedbackQueries>();
        services.AddScoped<FeedbackHistory>();
        services.AddSignalR();
        services.AddSingleton<FeedbackLive>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackLive>());
        services.ConfigureMarten((sp, options) => options.Listeners.Add(new FeedbackLive.AfterCommit(sp.GetRequiredService<FeedbackLive>())));
        return builder;
    }

    private sealed class FeedbackOptionsValidation : IValidateOptions<FeedbackOptions>
    {
        public ValidateOptionsResult Validate(string? name, FeedbackOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
