using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts.Profiles;

/// <summary>A moderator creates a profile for a member, optionally linked to an account that has none yet.</summary>
public sealed record CreateProfile(string? UserName, ProfileInput Input, ConsentAnswers? Consent, string By);

public sealed class CreateProfileHandler(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> consultation)
{
    public async Task<ProfileOutcome> Handle(CreateProfile command, CancellationToken cancellation)
    {
        var userName = string.IsNullOrWhiteSpace(command.UserName) ? null : command.UserName;
        await using var session = store.LightweightSession();
        if (userName is not null && await ProfileQueries.ByUserName(session, userName, cancellation) is not null)
            return new(Decision.Invalid("userName", DomainText.ProfileAlreadyExists(userName)), null);
        return await ProfileSaving.Save(session, time, consultation.Value.AllowedFields, null, userName, command.Input, command.Consent, command.By, cancellation);
    }
}
