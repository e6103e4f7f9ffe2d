using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Onboarding;

/// <summary>Marten configuration of sign-ups.</summary>
public static class OnboardingStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddOnboardingStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<SignUpProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<SignUp>().Index(x => x.NormalizedUserName).Index(x => x.Email).Index(x => x.Status);
    }
}
