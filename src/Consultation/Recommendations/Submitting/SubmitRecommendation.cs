using Marten;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Recommendations.Submitting;

/// <summary>An expert recommends something beyond any one consultation: a topic, its fields, the text, named or anonymous.</summary>
public sealed record SubmitRecommendation(string? Topic, IReadOnlyList<string>? Fields, string? Text, string? Attribution, Caller Author)
{
    public static Decision Decide(SubmitRecommendation command, AuthorProfile? profile, Guid id, DateTimeOffset now)
    {
        if (!command.Author.IsExpert) return Decision.Forbid(DomainText.RecommendationSubmitExpertsOnly);
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(command.Topic, "topic", Recommendation.MaxTopicLength, required: true, DomainText.LabelTopic, errors);
        TextRules.Check(command.Text, "text", Recommendation.MaxTextLength, required: true, DomainText.LabelRecommendationText, errors);
        var fields = (command.Fields ?? []).Select(f => f?.Trim() ?? "").ToList();
        if (fields.Count > Recommendation.MaxFields)
            errors["fields"] = [DomainText.FieldsAtMost(Recommendation.MaxFields)];
        else if (fields.Any(f => f.Length == 0 || f.Length > Recommendation.MaxFieldLength || !TextRules.IsStorable(f)))
            errors["fields"] = [DomainText.RecommendationFieldName(Recommendation.MaxFieldLength)];
        if (!KebabCase.TryParse<Attribution>(command.Attribution, out var attribution))
            errors["attribution"] = [DomainText.NameAttributionMustBeOneOf(KebabCase.Names<Attribution>())];
        if (errors.Count > 0) return Decision.Invalid(errors);
        return Decision.Accept(new RecommendationSubmitted(
            id, command.Topic!.Trim(), [.. fields.Distinct(StringComparer.OrdinalIgnoreCase)], command.Text!, attribution, AuthorSnapshot.Of(command.Author, profile), now));
    }
}

public sealed record RecommendationOutcome(Decision Decision, Guid Id);

/// <summary>Reads the author's profile (title, degree, consent to appear by name), decides, starts the recommendation's stream.</summary>
public sealed class SubmitRecommendationHandler(IDocumentStore store, TimeProvider time, IAuthorProfiles? profiles = null)
{
    public async Task<RecommendationOutcome> Handle(SubmitRecommendation command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var profile = profiles is null ? null : (await profiles.Find(session, [command.Author.UserName], cancellation)).GetValueOrDefault(command.Author.UserName);
        var id = Guid.CreateVersion7();
        var decision = SubmitRecommendation.Decide(command, profile, id, time.GetUtcNow());
        if (!decision.Accepted) return new RecommendationOutcome(decision, Guid.Empty);
        session.Events.StartStream<Recommendation>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return new RecommendationOutcome(decision, id);
    }
}
