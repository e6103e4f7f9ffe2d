using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Onboarding;
using Nq45Consult.Consultation.Onboarding.Approving;
using Nq45Consult.Consultation.Onboarding.Declining;
using Nq45Consult.Consultation.Onboarding.SigningUp;
using Nq45Consult.Consultation.Onboarding.Verifying;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Onboarding;

/// <summary>Sign-up with e-mail verification and the moderators' approval queue: handlers, settings validated at start.</summary>
public static class OnboardingSetup
{
    public static WebApplicationBuilder AddOnboarding(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OnboardingOptions>().Bind(builder.Configuration.GetSection(OnboardingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OnboardingOptions>>(new ProblemsValidation<OnboardingOptions>(o => o.Problems()));
        services.AddSingleton<RequestSignUpHandler>();
        services.AddSingleton<VerifySignUpHandler>();
        services.AddSingleton<ApproveSignUpHandler>();
        services.AddSingleton<DeclineSignUpHandler>();
        services.AddSingleton<SignUpQueries>();
        return builder;
    }

    public static WebApplication MapOnboarding(this WebApplication app)
    {
        app.MapSignUpEndpoints();
        return app;
    }
}
