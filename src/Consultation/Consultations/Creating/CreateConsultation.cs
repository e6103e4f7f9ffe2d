using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.Agencies;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Consultations.Creating;

/// <summary>Create a consultation in the draft state, at <see cref="Slug"/> when given (else one made from the title), or the next free one.</summary>
public sealed record CreateConsultation(string? Slug, ConsultationDetailsInput Details, Caller Caller)
{
    /// <param name="id">The new consultation's id.</param>
    /// <param name="freeSlug">The slug it gets, already known to be free.</param>
    /// <param name="draftingAgency">The agency the details name by id, as loaded; null when they name none or it is unknown.</param>
    public static Decision Decide(CreateConsultation command, Guid id, string freeSlug, Agency? draftingAgency, ConsultationOptions options, DateTimeOffset now)
    {
        var (details, errors) = command.Details.Validate(options);
        if (details is null) return Decision.Invalid(errors);
        if (DraftingAgencies.Problem(details.DraftingAgencyId, draftingAgency, null) is { } problem) return problem;
        return Decision
            .Accept(new ConsultationCreated(id, freeSlug, DraftingAgencies.Naming(details, draftingAgency), command.Caller.UserName, now))
            .WithWarnings(ConsultationDetailsInput.Warnings(details, options));
    }
}

/// <summary>Finds a free slug, decides, starts the stream; the outcome carries the new consultation.</summary>
public sealed class CreateConsultationHandler(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> options, AgencyQueries agencies)
{
    /// <summary>Addresses the pages take under /consultations/, which a consultation's slug must not shadow.</summary>
    private static readonly HashSet<string> ReservedSlugs = ["new"];

    public async Task<CommandOutcome> Handle(CreateConsultation command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var wanted = SlugOf(string.IsNullOrWhiteSpace(command.Slug) ? command.Details.Title : command.Slug);
        var id = Guid.CreateVersion7();
        var agency = command.Details.DraftingAgencyId is { } agencyId ? await agencies.Find(agencyId, cancellation) : null;
        var decision = CreateConsultation.Decide(command, id, await FreeSlug(session, wanted, cancellation), agency, options.Value, time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        session.Events.StartStream<ConsultationState>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<ConsultationDetails>(id, cancellation));
    }

    private static string SlugOf(string? text) => AnchorSlug.From(text ?? "") is { Length: > 0 } slug ? slug : "tham-van";

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
