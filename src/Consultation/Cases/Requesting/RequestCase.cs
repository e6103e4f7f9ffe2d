using Marten;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Cases.Requesting;

/// <summary>
/// An agency asks the Union for advice, critique or assessment: an official for their own agency, or a moderator
/// recording a paper request, who names the agency. The draft concerned, if any, is a consultation of the platform.
/// </summary>
/// <param name="PublishAnswer">Whether the agency's answer is public once recorded; by default only for a critique.</param>
public sealed record RequestCase(
    string? Kind, string? Subject, Guid? ConsultationId, DateTimeOffset? DueAt, Guid? AgencyId, bool? PublishAnswer, Caller Caller)
{
    /// <summary>The agency the request is made for: the one a moderator names, else the official's own.</summary>
    public Guid? RequestingAgency => Caller.IsModerator ? AgencyId : AgencyId ?? Caller.AgencyId;

    /// <param name="consultation">The consultation named, as loaded; null when none is named or there is none.</param>
    /// <param name="agency">The agency of <see cref="RequestingAgency"/>, as loaded; null when there is none.</param>
    public static Decision Decide(RequestCase command, ConsultationDetails? consultation, Agency? agency, Guid id, DateTimeOffset now)
    {
        var caller = command.Caller;
        if (!caller.IsModerator && !caller.IsOfficial) return Decision.Forbid(DomainText.CaseRequestOfficialsOrModeratorsOnly);
        var errors = new Dictionary<string, string[]>();
        if (!KebabCase.TryParse<CaseKind>(command.Kind, out var kind)) errors["kind"] = [DomainText.CaseKindMustBeOneOf(KebabCase.Names<CaseKind>())];
        TextRules.Check(command.Subject, "subject", CritiqueCase.MaxSubjectLength, required: true, DomainText.LabelCaseSubject, errors);
        if (command.DueAt is not { } due) errors["dueAt"] = [DomainText.CaseDueRequired];
        else if (due <= now) errors["dueAt"] = [DomainText.CaseDueInFuture];
        if (command.ConsultationId is not null && (consultation is null || !consultation.IsVisibleTo(caller))) errors["consultationId"] = [DomainText.CaseConsultationUnknown];
        if (AgencyProblem(command, agency) is { } problem) errors["agencyId"] = [problem];
        if (errors.Count > 0) return Decision.Invalid(errors);
        return Decision.Accept(new CaseRequested(
            id, kind, command.Subject!.Trim(), command.ConsultationId, agency!.Id, agency.Name, command.DueAt!.Value,
            command.PublishAnswer ?? kind == CaseKind.Critique, caller.UserName, now));
    }

    private static string? AgencyProblem(RequestCase command, Agency? agency)
    {
        var caller = command.Caller;
        if (!caller.IsModerator && caller.AgencyId is null) return DomainText.CaseOfficialWithoutAgency;
        if (!caller.IsModerator && command.AgencyId is { } named && named != caller.AgencyId) return DomainText.CaseOwnAgencyOnly;
        if (command.RequestingAgency is null) return DomainText.CaseAgencyRequired;
        return agency is null || agency.Id != command.RequestingAgency || agency.Retired ? DomainText.AgencyUnknown : null;
    }
}

public sealed record CaseOutcome(Decision Decision, Guid Id);

/// <summary>Loads the consultation and the agency named, decides, starts the case's stream.</summary>
public sealed class RequestCaseHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<CaseOutcome> Handle(RequestCase command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var consultation = command.ConsultationId is { } c && c != Guid.Empty ? await session.LoadAsync<ConsultationDetails>(c, cancellation) : null;
        var agency = command.RequestingAgency is { } a && a != Guid.Empty ? await session.LoadAsync<Agency>(a, cancellation) : null;
        var id = Guid.CreateVersion7();
        var decision = RequestCase.Decide(command, consultation, agency, id, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, Guid.Empty);
        session.Events.StartStream<CritiqueCase>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new(decision, id);
    }
}
