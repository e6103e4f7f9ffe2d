using Marten;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Indicators.Changing;

/// <summary>
/// An admin changes an indicator (target, deadline, names, definition) or records a manual indicator's figure. Snapshots
/// already taken keep the values and targets of their day.
/// </summary>
public sealed record ChangeIndicator(Guid IndicatorId, IndicatorInput Input, Caller Caller)
{
    public static Decision Decide(Indicator? current, ChangeIndicator command, IReadOnlyList<string> allowedFields, IReadOnlyList<Indicator> existing, DateTimeOffset now)
    {
        if (!command.Caller.IsAdmin) return Decision.Forbid(DomainText.IndicatorAdminsOnly);
        if (current is null) return Decision.NotFound(DomainText.IndicatorNotFound);
        var (spec, errors) = command.Input.ToSpec(allowedFields);
        if (spec is null) return Decision.Invalid(errors);
        if (current.Retired) return Decision.Conflict(DomainText.IndicatorRetired);
        if (IndicatorInput.NameTaken(spec, current.Id, existing)) return Decision.Invalid("nameVi", DomainText.IndicatorNameTaken);
        var events = new List<object>();
        if (!Same(spec, current.Spec)) events.Add(new IndicatorChanged(current.Id, spec, now, command.Caller.UserName));
        if (command.Input.Figure is { } figure && figure != current.Figure)
            events.Add(new IndicatorFigureRecorded(current.Id, figure, now, command.Caller.UserName));
        return Decision.Accept([.. events]);
    }

    // Records compare their lists by reference: the filters are compared one by one.
    private static bool Same(IndicatorSpec a, IndicatorSpec b) =>
        a.NameVi == b.NameVi && a.NameEn == b.NameEn && a.Measure == b.Measure && a.Target.Equals(b.Target) && a.Deadline == b.Deadline
        && a.Filters.SequenceEqual(b.Filters) && a.Base.SequenceEqual(b.Base);
}

public sealed class ChangeIndicatorHandler(IDocumentStore store, RegistrySearch registry, TimeProvider time)
{
    public Task<IndicatorOutcome> Handle(ChangeIndicator command, CancellationToken cancellation) =>
        IndicatorChange.Run(store, command.IndicatorId,
            (current, all) => ChangeIndicator.Decide(current, command, registry.Fields, all, time.GetUtcNow()), cancellation);
}
