using System.Security.Claims;
using System.Text.Json.Serialization;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Feedback.Recording;
using Nq45Consult.Web.Accounts;

namespace Nq45Consult.Web.Feedback;

/// <summary>The provenance of a comment received on paper, from an organisation or at a meeting; <c>receivedOn</c> is <c>yyyy-MM-dd</c>.</summary>
public sealed record ProvenanceRequest(string? Kind, string? Sender, string? DocumentReference, string? ReceivedOn)
{
    public ProvenanceInput ToInput() => new(Kind, Sender, DocumentReference, ReceivedOn);
}

/// <summary>A feedback item as <see cref="FeedbackRequest"/>, with where it came from; <c>attribution</c> is <c>named</c> when absent.</summary>
public sealed record OnBehalfRequest(
    string? SectionAnchor, [property: JsonConverter(typeof(QuoteInputConverter))] QuoteInput? Quote, string? Stance, string? ProposedText,
    string? Rationale, IReadOnlyList<ReferenceInput>? References, string? Attribution, ProvenanceRequest? Provenance);

/// <summary>
/// Where an item recorded on its sender's behalf came from, as a reader may see it: <see cref="Sender"/> is the item's
/// public author name (so "Ẩn danh" for an anonymous one, except to moderators, as the author everywhere).
/// </summary>
public sealed record ProvenanceView(string Kind, string Sender, string? DocumentReference, DateOnly ReceivedOn, string Description)
{
    public static ProvenanceView? Of(FeedbackItem item, bool authorNamed)
    {
        if (item.Provenance is not { } p) return null;
        var sender = authorNamed ? p.Sender : item.PublicAuthorName;
        return new(KebabCase.Name(p.Kind), sender, p.DocumentReference, p.ReceivedOn, p.Describe(sender));
    }
}

/// <summary>Moderators record comments received outside the platform on their senders' behalf.</summary>
public static class OnBehalfEndpoints
{
    public static RouteGroupBuilder MapOnBehalf(this RouteGroupBuilder api)
    {
        api.MapPost("/consultations/{id:guid}/feedback/on-behalf", Record).RequireAuthorization(Policies.Moderate)
            .WithName("RecordFeedbackOnBehalf").WithSummary("A moderator records a comment received on paper, from an organisation or at a meeting, with its provenance.");
        return api;
    }

    private static async Task<IResult> Record(Guid id, OnBehalfRequest request, ClaimsPrincipal user, RecordFeedbackOnBehalfHandler handler, CancellationToken cancellation)
    {
        var input = new FeedbackInput(request.Quote, request.Stance, request.ProposedText, request.Rationale, request.References, request.Attribution ?? "named");
        var outcome = await handler.Handle(
            new RecordFeedbackOnBehalf(id, request.SectionAnchor, input, (request.Provenance ?? new(null, null, null, null)).ToInput(), CallerClaims.From(user)!),
            cancellation);
        if (!outcome.Decision.Accepted) return FeedbackResults.Refused(outcome);
        return TypedResults.Created($"/api/feedback/{outcome.Id}", new FeedbackCreated(outcome.Id, outcome.Version));
    }
}
