using Marten;

namespace Nq45Consult.Consultation.Indicators.Retiring;

/// <summary>An admin stops following an indicator: later snapshots leave it out; earlier ones and the indicator stay.</summary>
public sealed record RetireIndicator(Guid IndicatorId, Caller Caller)
{
    public static Decision Decide(Indicator? current, RetireIndicator command, DateTimeOffset now)
    {
        if (!command.Caller.IsAdmin) return Decision.Forbid(DomainText.IndicatorAdminsOnly);
        if (current is null) return Decision.NotFound(DomainText.IndicatorNotFound);
        return current.Retired ? Decision.Nothing : Decision.Accept(new IndicatorRetired(current.Id, now, command.Caller.UserName));
    }
}

public sealed class RetireIndicatorHandler(IDocumentStore store, TimeProvider time)
{
    public Task<IndicatorOutcome> Handle(RetireIndicator command, CancellationToken cancellation) =>
        IndicatorChange.Run(store, command.IndicatorId, (current, _) => RetireIndicator.Decide(current, command, time.GetUtcNow()), cancellation);
}
