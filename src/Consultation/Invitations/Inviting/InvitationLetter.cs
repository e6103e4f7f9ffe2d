using Marten;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Invitations.Inviting;

/// <summary>
/// What an invitation's e-mail says (the consultation, or the live session, it invites to) and how one is sent: a new
/// single-use link, whose token goes only into the e-mail queued in the outbox, in the caller's unit of work.
/// </summary>
public sealed record InvitationLetter(string Title, string Agency, DateTimeOffset ClosesAt, string? SessionTitle)
{
    public const string PagePath = "/account/invitation";

    /// <summary>The letter of invitations to <paramref name="consultationId"/> (and the session, when one is named); null when the consultation is gone.</summary>
    public static async Task<InvitationLetter?> For(
        IQuerySession session, DialogueSessions sessions, Guid consultationId, Guid? sessionId, CancellationToken cancellation)
    {
        var consultation = await session.LoadAsync<ConsultationDetails>(consultationId, cancellation);
        if (consultation is null) return null;
        var live = sessionId is { } id ? await sessions.Known(id, cancellation) : null;
        return new(consultation.Title, consultation.DraftingAgency, consultation.ClosesAt, live?.Title);
    }

    /// <summary>Issues the invitation's link and queues its e-mail, both in <paramref name="session"/>.</summary>
    /// <param name="language">The language of the request that queued the invitation: the address has no account to choose one.</param>
    public void Send(IDocumentSession session, Guid invitationId, string email, TimeSpan lifetime, DateTimeOffset now, string by, string? language)
    {
        var token = session.Issue(LinkPurpose.Invitation, invitationId.ToString(), lifetime, now, by);
        NotificationOutbox.AddAddressed(
            session, NotificationTexts.InvitationByEmail(Title, Agency, ClosesAt, SessionTitle, $"{PagePath}?token={token}"), email, now, language);
    }
}
