using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Consultations.Closing;
using Nq45Consult.Consultation.Consultations.Creating;
using Nq45Consult.Consultation.Consultations.Editing;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Consultations.Opening;
using Nq45Consult.Consultation.Consultations.Publishing;
using Nq45Consult.Consultation.Drafts.Parsing;
using Nq45Consult.Consultation.Drafts.Reading;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>What happened to a command: not found, or the decision taken (and, when accepted, the read model after it).</summary>
public sealed record CommandOutcome(Decision? Decision, ConsultationDetails? Consultation)
{
    public static readonly CommandOutcome NotFound = new(null, null);
}

/// <summary>
/// Runs the decide functions against the event store: load the stream, decide, append, save, in one
/// session; the inline projections are written in the same transaction.
/// </summary>
public sealed class ConsultationCommands(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> options)
{
    public ConsultationOptions Options => options.Value;

    public async Task<CommandOutcome> Create(string? slug, ConsultationDetailsInput details, string createdBy, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var free = await FreeSlug(session, string.IsNullOrWhiteSpace(slug) ? SlugOf(details.Title) : SlugOf(slug), cancellation);
        var id = Guid.CreateVersion7();
        var decision = CreateConsultation.Decide(new CreateConsultation(id, free, details, createdBy), options.Value, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        session.Events.StartStream<ConsultationState>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<ConsultationDetails>(id, cancellation));
    }

    /// <summary>Applies a decide function to the consultation's current state.</summary>
    public Task<CommandOutcome> Execute(Guid id, Func<ConsultationState, DateTimeOffset, Decision> decide, CancellationToken cancellation = default) =>
        ExecuteAt(id, time.GetUtcNow(), decide, cancellation);

    public Task<CommandOutcome> Edit(Guid id, ConsultationDetailsInput details, string editedBy, CancellationToken cancellation = default) =>
        Execute(id, (state, now) => EditConsultationDetails.Decide(state, new(id, details, editedBy), options.Value, now), cancellation);

    public Task<CommandOutcome> Open(Guid id, string openedBy, CancellationToken cancellation = default) =>
        Execute(id, (state, now) => OpenConsultation.Decide(state, new(id, openedBy), now), cancellation);

    public Task<CommandOutcome> Close(Guid id, string closedBy, CancellationToken cancellation = default) =>
        Execute(id, (state, now) => CloseConsultation.Decide(state, new(id, closedBy), now), cancellation);

    public Task<CommandOutcome> Invite(Guid id, IReadOnlyList<string>? userNames, string invitedBy, CancellationToken cancellation = default) =>
        Invite(new InviteExperts(id, userNames, invitedBy), cancellation);

    /// <summary>
    /// Looks up which of the typed names have an account and keeps only the registry's names that have one (a profile
    /// may name an account that was never created), then lets <see cref="InviteExperts"/> decide.
    /// </summary>
    public async Task<CommandOutcome> Invite(InviteExperts command, CancellationToken cancellation = default)
    {
        var accounts = await ExistingAccounts(command.Names.Take(InviteExperts.MaxNamesPerCall + 1).ToList(), cancellation);
        if (command.FromRegistry is { Count: > 0 } found)
            command = command with { FromRegistry = [.. await ExistingAccounts(found, cancellation)] };
        return await Execute(command.ConsultationId, (state, now) => InviteExperts.Decide(state, command, accounts, now), cancellation);
    }

    /// <summary>Closes every open consultation whose closing time is at or before <paramref name="now"/>; returns their ids.</summary>
    public async Task<IReadOnlyList<Guid>> CloseDueConsultations(DateTimeOffset now, CancellationToken cancellation = default)
    {
        now = now.ToUniversalTime(); // Npgsql writes only UTC to timestamptz.
        List<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = (await query.Query<ConsultationDetails>()
                .Where(c => c.Status == ConsultationStatus.Open && c.ClosesAt <= now)
                .Select(c => c.Id)
                .ToListAsync(cancellation)).ToList();
        }
        var closed = new List<Guid>();
        foreach (var id in due)
        {
            var outcome = await ExecuteAt(id, now, (state, at) => CloseConsultation.Decide(state, new(id, null), at), cancellation);
            if (outcome.Decision is { Accepted: true }) closed.Add(id);
        }
        return closed;
    }

    private async Task<CommandOutcome> ExecuteAt(Guid id, DateTimeOffset now, Func<ConsultationState, DateTimeOffset, Decision> decide, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(id, cancellation);
        if (stream.Aggregate is null) return CommandOutcome.NotFound;
        var decision = decide(stream.Aggregate, now);
        if (!decision.Accepted) return new(decision, null);
        if (decision.Events.Count > 0)
        {
            stream.AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellation);
        }
        return new(decision, await session.LoadAsync<ConsultationDetails>(id, cancellation));
    }

    /// <summary>Parses the Markdown once, then lets <see cref="PublishDraftVersion"/> decide.</summary>
    /// <summary>Publishes pasted text, Markdown or plain text, whichever it reads as.</summary>
    public Task<CommandOutcome> PublishVersion(Guid id, string? text, string? changeNote, string publishedBy, CancellationToken cancellation = default) =>
        Publish(id, DraftSections.Parse(text), changeNote, publishedBy, cancellation);

    /// <summary>Publishes a draft read from a file (<see cref="DraftUpload"/>).</summary>
    public Task<CommandOutcome> PublishVersion(Guid id, DraftReading reading, string? changeNote, string publishedBy, CancellationToken cancellation = default) =>
        Publish(id, DraftSections.Parse(reading), changeNote, publishedBy, cancellation);

    private Task<CommandOutcome> Publish(Guid id, (ParsedVersion? Draft, Decision? Refusal) parsed, string? changeNote, string publishedBy, CancellationToken cancellation) =>
        parsed.Draft is not { } draft
            ? Task.FromResult(new CommandOutcome(parsed.Refusal!, null))
            : Execute(id, (state, now) => PublishDraftVersion.Decide(state, new(id, draft.Markdown, changeNote, draft.Sections, draft.Frame, publishedBy), now), cancellation);

    /// <summary>The given names that belong to an account, matched as sign-in matches them (normalized).</summary>
    private async Task<IReadOnlySet<string>> ExistingAccounts(IReadOnlyList<string> names, CancellationToken cancellation)
    {
        var normalized = names.Select(Account.Normalize).Distinct().ToArray();
        await using var query = store.QuerySession();
        var found = (await query.Query<Account>().Where(a => normalized.Contains(a.NormalizedUserName)).Select(a => a.NormalizedUserName).ToListAsync(cancellation)).ToHashSet();
        return names.Where(n => found.Contains(Account.Normalize(n))).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string SlugOf(string? text) => AnchorSlug.From(text ?? "") is { Length: > 0 } slug ? slug : "tham-van";

    /// <summary>Addresses the pages take under /consultations/, which a consultation's slug must not shadow.</summary>
    private static readonly HashSet<string> ReservedSlugs = ["new"];

    private static async Task<string> FreeSlug(IQuerySession session, string wanted, CancellationToken cancellation)
    {
        var taken = await session.Query<ConsultationDetails>()
            .Where(c => c.Slug == wanted || c.Slug.StartsWith(wanted + "-"))
            .Select(c => c.Slug)
            .ToListAsync(cancellation);
        if (!taken.Contains(wanted) && !ReservedSlugs.Contains(wanted)) return wanted;
        var n = 2;
        while (taken.Contains($"{wanted}-{n}")) n++;
        return $"{wanted}-{n}";
    }
}
