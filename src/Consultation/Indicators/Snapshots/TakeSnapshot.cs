using Marten;
using Marten.Exceptions;

namespace Nq45Consult.Consultation.Indicators.Snapshots;

/// <summary>
/// Records every followed indicator's value: on demand by a moderator or an admin (<see cref="Month"/> null), or as the
/// month's snapshot by the background service (<see cref="Caller"/> null), once per month whichever node takes it.
/// </summary>
public sealed record TakeSnapshot(Caller? Caller, string? Month)
{
    public const string TakenBySystem = "system";

    public static TakeSnapshot Monthly(DateTimeOffset now) => new(null, IndicatorSnapshot.MonthOf(now));

    public static TakeSnapshot OnDemand(Caller caller) => new(caller, null);

    public static Decision Decide(
        TakeSnapshot command, IReadOnlyList<Indicator> followed, IReadOnlyDictionary<Guid, double?> values, int registrySize, Guid id, DateTimeOffset now)
    {
        if (command.Caller is { } caller && !caller.IsModerator && !caller.IsAdmin) return Decision.Forbid(DomainText.IndicatorStaffOnly);
        if (followed.Count == 0) return Decision.Conflict(DomainText.IndicatorNothingToMeasure);
        var measured = followed.Select(i => new IndicatorValue(
            i.Id, i.Spec.NameVi, i.Spec.NameEn, i.Spec.Measure, values.GetValueOrDefault(i.Id), i.Spec.Target, i.Spec.Deadline)).ToList();
        return Decision.Accept(new IndicatorSnapshotTaken(
            id, command.Month is null ? SnapshotKind.OnDemand : SnapshotKind.Monthly, command.Month, registrySize, measured, now,
            command.Caller?.UserName ?? TakenBySystem));
    }
}

/// <summary>What taking a snapshot concluded, and the snapshot stored (null when refused, or when the month's was already taken).</summary>
public sealed record SnapshotOutcome(Decision Decision, IndicatorSnapshot? Snapshot);

public sealed class TakeSnapshotHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<SnapshotOutcome> Handle(TakeSnapshot command, CancellationToken cancellation)
    {
        var id = command.Month is { } month ? IndicatorSnapshot.MonthlyId(month) : Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        // The month's snapshot is taken once: later rounds (of this node or another) stop here without measuring.
        if (command.Month is not null && await session.LoadAsync<IndicatorSnapshot>(id, cancellation) is not null) return new SnapshotOutcome(Decision.Nothing, null);
        var followed = (await IndicatorQueries.All(session, cancellation)).Where(i => !i.Retired).ToList();
        var (values, size) = await RegistryMeasurement.Measure(session, followed, cancellation);
        var decision = TakeSnapshot.Decide(command, followed, values, size, id, time.GetUtcNow());
        if (!decision.Accepted) return new SnapshotOutcome(decision, null);
        session.Events.StartStream<IndicatorSnapshot>(id, decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another node took the month's snapshot in the meantime.
            return new SnapshotOutcome(Decision.Nothing, null);
        }
        return new SnapshotOutcome(decision, await session.LoadAsync<IndicatorSnapshot>(id, cancellation));
    }
}
