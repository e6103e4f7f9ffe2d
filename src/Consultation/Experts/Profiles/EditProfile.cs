using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>A moderator edits a profile.</summary>
public sealed record EditProfile(Guid ProfileId, ProfileInput Input, ConsentAnswers? Consent, string By);

public sealed class EditProfileHandler(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> consultation)
{
    public async Task<ProfileOutcome> Handle(EditProfile command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var current = await session.LoadAsync<ExpertProfile>(command.ProfileId, cancellation);
        return current is null
            ? ProfileOutcome.NotFound
            : await ProfileSaving.Save(session, time, consultation.Value.AllowedFields, current, current.UserName, command.Input, command.Consent, command.By, cancellation);
    }
}
