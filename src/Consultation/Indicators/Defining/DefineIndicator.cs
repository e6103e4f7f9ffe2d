using Marten;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Indicators.Defining;

/// <summary>An admin defines an indicator to follow: names, a registry definition (or a manual figure), target, deadline.</summary>
public sealed record DefineIndicator(IndicatorInput Input, Caller Caller)
{
    public static Decision Decide(DefineIndicator command, IReadOnlyList<string> allowedFields, IReadOnlyList<Indicator> existing, Guid id, DateTimeOffset now)
    {
        if (!command.Caller.IsAdmin) return Decision.Forbid(DomainText.IndicatorAdminsOnly);
        var (spec, errors) = command.Input.ToSpec(allowedFields);
        if (spec is null) return Decision.Invalid(errors);
        if (IndicatorInput.NameTaken(spec, id, existing)) return Decision.Invalid("nameVi", DomainText.IndicatorNameTaken);
        var defined = new IndicatorDefined(id, spec, now, command.Caller.UserName);
        return command.Input.Figure is { } figure
            ? Decision.Accept(defined, new IndicatorFigureRecorded(id, figure, now, command.Caller.UserName))
            : Decision.Accept(defined);
    }
}

public sealed class DefineIndicatorHandler(IDocumentStore store, RegistrySearch registry, TimeProvider time)
{
    public async Task<IndicatorOutcome> Handle(DefineIndicator command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var id = Guid.CreateVersion7();
        var decision = DefineIndicator.Decide(command, registry.Fields, await IndicatorQueries.All(session, cancellation), id, time.GetUtcNow());
        if (!decision.Accepted) return new IndicatorOutcome(decision, null);
        session.Events.StartStream<Indicator>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new IndicatorOutcome(decision, await session.LoadAsync<Indicator>(id, cancellation));
    }
}
