using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Experts.Interests;

/// <summary>The expert states any interest in a consultation before giving feedback; a new declaration supersedes the last.</summary>
public sealed record DeclareInterests(Guid ConsultationId, string UserName, string DisplayName, bool? HasInterests, string? Statement)
{
    public static Decision Decide(ConsultationDetails consultation, DeclareInterests command, DateTimeOffset now)
    {
        if (consultation.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open)) return Decision.Conflict(DomainText.ConsultationEnded);
        if (command.HasInterests is not { } has) return Decision.Invalid("hasInterests", DomainText.InterestsNeedAnswer);
        var statement = string.IsNullOrWhiteSpace(command.Statement) ? null : command.Statement.Trim();
        if (has && statement is null) return Decision.Invalid("statement", DomainText.InterestsNeedStatement);
        if (statement?.Length > InterestDeclaration.MaxStatementLength)
            return Decision.Invalid("statement", DomainText.ContentTooLong(InterestDeclaration.MaxStatementLength));
        return Decision.Accept(new InterestsDeclared(
            InterestDeclaration.IdOf(consultation.Id, command.UserName), consultation.Id, command.UserName, command.DisplayName, has, statement, now));
    }
}

/// <summary>The decision, and the declaration as it now stands when accepted; null when the consultation does not exist.</summary>
public sealed record InterestsOutcome(Decision Decision, InterestDeclaration? Declaration);

public sealed class DeclareInterestsHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<InterestsOutcome?> Handle(DeclareInterests command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var found = await session.LoadAsync<ConsultationDetails>(command.ConsultationId, cancellation);
        if (found is null) return null;
        var decision = DeclareInterests.Decide(found, command, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        var declared = (InterestsDeclared)decision.Events[0];
        session.Events.Append(declared.DeclarationId, declared);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<InterestDeclaration>(declared.DeclarationId, cancellation));
    }
}
