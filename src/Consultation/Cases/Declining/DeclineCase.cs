using Marten;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Cases.Declining;

/// <summary>The Union (a moderator) declines the agency's request with a reason, which the requester is told.</summary>
public sealed record DeclineCase(Guid CaseId, string? Reason, Caller Moderator)
{
    public static Decision Decide(CritiqueCase? found, DeclineCase command, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.CaseUnionModeratorsOnly);
        if (found is null) return Decision.NotFound(DomainText.CaseNotFound);
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.Reason, "reason", CritiqueCase.MaxReasonLength, required: true, DomainText.LabelReason, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (found.Status != CaseStatus.Requested) return Decision.Conflict(DomainText.CaseAlreadyDecided);
        return Decision.Accept(new CaseDeclined(found.Id, command.Reason!.Trim(), command.Moderator.UserName, now));
    }
}

/// <summary>Declines and, in the same transaction, tells the person who recorded the request and the agency's officials.</summary>
public sealed class DeclineCaseHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(DeclineCase command, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        return CaseChange.Run(store, command.CaseId, (_, c) => Task.FromResult(DeclineCase.Decide(c, command, now)), cancellation,
            async (session, c, decision) => await NotificationOutbox.Add(session, CaseLetters.Declined(c.Subject, ((CaseDeclined)decision.Events[0]).Reason, c.Id),
                [c.RequestedBy, .. await AgencyOfficials.Of(session, c.AgencyId, cancellation)], now, cancellation, command.Moderator.UserName));
    }
}
