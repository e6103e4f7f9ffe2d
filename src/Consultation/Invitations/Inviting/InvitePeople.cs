using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Invitations;

namespace Nq45Consult.Consultation.Invitations.Inviting;

/// <summary>
/// What <c>POST /api/consultations/{id}/invitations</c> (and the session's and the manage page's) asks for: accounts by
/// user name or from the registry by field, association or saved filter, exactly as before (<see cref="InviteFromRegistry"/>),
/// and/or people by e-mail address or registry profile (<see cref="InviteByEmail"/>).
/// </summary>
/// <param name="Language">The language of the request, for the e-mails to people without an account.</param>
public sealed record InvitePeople(
    Guid ConsultationId, Guid? SessionId, Invitees Invitees, IReadOnlyList<string>? Emails, IReadOnlyList<Guid>? ProfileIds, Caller Caller,
    string? Language = null)
{
    public bool ByEmail => Emails is { Count: > 0 } || ProfileIds is { Count: > 0 };

    public bool ByAccount => Invitees.UserNames is { Count: > 0 } || Invitees.FromRegistry;
}

/// <summary>Runs the account part first (a refusal there stops the request), then the e-mail part; the warnings of both are kept.</summary>
public sealed class InvitePeopleHandler(InviteFromRegistryHandler accounts, InviteByEmailHandler emails)
{
    public async Task<CommandOutcome> Handle(InvitePeople command, CancellationToken cancellation)
    {
        var registry = new InviteFromRegistry(command.ConsultationId, command.Invitees, command.Caller);
        if (!command.ByEmail) return await accounts.Handle(registry, cancellation);
        CommandOutcome? byAccount = null;
        if (command.ByAccount)
        {
            byAccount = await accounts.Handle(registry, cancellation);
            if (byAccount.Decision is not { Accepted: true }) return byAccount;
        }
        var byEmail = await emails.Handle(new InviteByEmail(command.ConsultationId, command.SessionId, command.Emails, command.ProfileIds, command.Caller, command.Language), cancellation);
        if (byAccount is null || byEmail.Decision is not { Accepted: true } decision) return byEmail;
        return byEmail with { Decision = decision.WithWarnings([.. byAccount.Decision!.Warnings, .. decision.Warnings]) };
    }
}
