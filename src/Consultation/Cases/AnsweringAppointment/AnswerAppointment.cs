using Marten;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Cases.AnsweringAppointment;

/// <summary>
/// The expert appointed accepts or declines their seat on the council (once). The acceptance that fills the last of the
/// chair's, secretary's and reviewers' seats forms the council.
/// </summary>
public sealed record AnswerAppointment(Guid CaseId, Guid MemberId, bool Accept, string? Reason, Caller Member)
{
    public static Decision Decide(CritiqueCase? found, AnswerAppointment command, DateTimeOffset now)
    {
        if (CaseChange.Unseen(found, command.Member) is { } unseen) return unseen;
        var seat = found!.Council.FirstOrDefault(s => s.MemberId == command.MemberId);
        if (seat is null) return Decision.NotFound(DomainText.CaseMemberUnknown);
        if (!string.Equals(seat.UserName, command.Member.UserName, StringComparison.OrdinalIgnoreCase)) return Decision.Forbid(DomainText.CaseInvitedMemberOnly);
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.Reason, "reason", CritiqueCase.MaxReasonLength, required: false, DomainText.LabelReason, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (seat.Answer != SeatAnswer.Pending) return Decision.Conflict(DomainText.CaseInvitationAlreadyAnswered);
        if (!command.Accept)
            return Decision.Accept(new CouncilSeatDeclined(found.Id, seat.MemberId, string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(), now));
        var accepted = new CouncilSeatAccepted(found.Id, seat.MemberId, now);
        var after = found.Council.Select(s => s.MemberId == seat.MemberId ? s with { Answer = SeatAnswer.Accepted } : s);
        return found.CouncilFormedAt is null && CritiqueCase.IsCouncilComplete(after)
            ? Decision.Accept(accepted, new CouncilFormed(found.Id, now))
            : Decision.Accept(accepted);
    }
}

public sealed class AnswerAppointmentHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(AnswerAppointment command, CancellationToken cancellation) =>
        CaseChange.Run(store, command.CaseId, (_, c) => Task.FromResult(AnswerAppointment.Decide(c, command, time.GetUtcNow())), cancellation);
}
