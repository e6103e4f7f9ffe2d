using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Feedback;

public static class FeedbackSetup
{
    public static WebApplicationBuilder AddFeedback(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidation>();
        services.AddSingleton<FeedbackCommands>();
        services.AddHostedService<FeedbackCountersStartup>();
        services.AddScoped<FeedbackQueries>();
        services.AddScoped<FeedbackHistory>();
        services.AddSignalR();
        services.AddSingleton<FeedbackLive>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackLive>());
        return builder;
    }

    private sealed class FeedbackOptionsValidation : IValidateOptions<FeedbackOptions>
    {
        public ValidateOptionsResult Validate(string? name, FeedbackOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
