using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>The reads the opinion-map handlers share, each in one round trip.</summary>
internal static class OpinionMapLoads
{
    public static async Task<(ConsultationDetails? Consultation, OpinionMapScope? Scope)> ConsultationAndScope(
        IQuerySession session, Guid consultationId, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var consultation = batch.Load<ConsultationDetails>(consultationId);
        var scope = batch.Load<OpinionMapScope>(OpinionMapIds.ScopeOf(consultationId));
        await batch.Execute(cancellation);
        return (await consultation, await scope);
    }

    /// <summary>A statement with its consultation; an empty id (a form posted without one) finds nothing.</summary>
    public static async Task<(Statement? Statement, ConsultationDetails? Consultation)> StatementAndConsultation(
        IQuerySession session, Guid statementId, CancellationToken cancellation)
    {
        if (statementId == Guid.Empty) return (null, null);
        var statement = await session.LoadAsync<Statement>(statementId, cancellation);
        return statement is null ? (null, null) : (statement, await session.LoadAsync<ConsultationDetails>(statement.ConsultationId, cancellation));
    }
}
