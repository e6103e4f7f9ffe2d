using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>The person saves their own profile, created on first save.</summary>
public sealed record SaveOwnProfile(string UserName, ProfileInput Input, ConsentAnswers? Consent);

public sealed class SaveOwnProfileHandler(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> consultation)
{
    public async Task<ProfileOutcome> Handle(SaveOwnProfile command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var current = await ProfileQueries.ByUserName(session, command.UserName, cancellation);
        return await ProfileSaving.Save(session, time, consultation.Value.AllowedFields, current, command.UserName, command.Input, command.Consent,
            command.UserName, cancellation);
    }
}
