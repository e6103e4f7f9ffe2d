using Marten;

namespace Nq45Consult.Consultation.Common;

/// <summary>An entry of a list admins or moderators manage (agencies, associations, saved filters): kept for history once retired.</summary>
public interface IManagedListEntry
{
    Guid Id { get; }
    string NormalizedName { get; }
}

/// <summary>A command's result on a managed list: not found (<see cref="Decision"/> null), refused, or the entry as it now stands.</summary>
public sealed record ListEntryOutcome<T>(Decision? Decision, T? Entry) where T : class
{
    public static readonly ListEntryOutcome<T> NotFound = new(null, null);
}

/// <summary>How the use cases on managed lists (agencies, associations, saved filters) load, decide and append: against the whole list, as names are unique.</summary>
internal static class ManagedLists
{
    /// <summary>
    /// <paramref name="id"/> null starts a new entry, whose id <paramref name="startedId"/> reads from the decision; an
    /// unknown id is not found.
    /// </summary>
    public static async Task<ListEntryOutcome<T>> Change<T>(
        IDocumentStore store, Guid? id, Func<IQuerySession, CancellationToken, Task<IReadOnlyList<T>>> list,
        Func<T?, IReadOnlyList<T>, Decision> decide, Func<Decision, Guid?> startedId, CancellationToken cancellation) where T : class, IManagedListEntry
    {
        await using var session = store.LightweightSession();
        var all = await list(session, cancellation);
        var current = id is { } existing ? all.FirstOrDefault(a => a.Id == existing) : null;
        if (id is not null && current is null) return ListEntryOutcome<T>.NotFound;
        var decision = decide(current, all);
        if (!decision.Accepted) return new(decision, null);
        var streamId = startedId(decision) ?? current!.Id;
        if (decision.Events.Count > 0)
        {
            if (current is null) session.Events.StartStream<T>(streamId, decision.Events);
            else (await session.Events.FetchForWriting<T>(streamId, cancellation)).AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellation);
        }
        return new(decision, await session.LoadAsync<T>(streamId, cancellation));
    }

    /// <summary>A name as typed, with runs of spaces made one.</summary>
    public static string Tidy(string? name) => string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
