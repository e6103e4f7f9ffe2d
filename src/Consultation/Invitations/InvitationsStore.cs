using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Nq45Consult.Consultation.Invitations;

/// <summary>Marten configuration of invitations by e-mail.</summary>
public static class InvitationsStore
{
    /// <summary>Adds this capability's <see cref="Configure"/> to the app's one document store.</summary>
    public static IServiceCollection AddInvitationsStore(this IServiceCollection services) => services.ConfigureMarten(Configure);

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<EmailInvitationProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<InvitationBatchProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<EmailInvitation>().Index(x => x.ConsultationId);
        options.Schema.For<InvitationBatch>().Index(x => x.Remaining);
    }
}
