using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Review.Critique;

/// <summary>A moderator saves the whole critique report; the cited items must be public items of the consultation.</summary>
public sealed record DraftCritique(
    Guid ConsultationId, IReadOnlyList<PointInput>? Strengths, IReadOnlyList<PointInput>? Shortcomings,
    IReadOnlyList<RecommendationInput>? Recommendations, string DraftedBy)
{
    public const int MaxPoints = 50;
    public const int MaxTextLength = 10_000;
    public const int MaxAddresseeLength = 300;

    /// <summary>Every item the report cites, valid points or not: the handler looks them up before deciding.</summary>
    public IReadOnlyList<Guid> Cited =>
        [.. (Strengths ?? []).Concat(Shortcomings ?? []).SelectMany(p => p?.ItemIds ?? [])
            .Concat((Recommendations ?? []).SelectMany(r => r?.ItemIds ?? [])).Distinct()];

    /// <summary><paramref name="citable"/>: those of <see cref="Cited"/> that are public items of the consultation.</summary>
    public static Decision Decide(ConsultationState state, DraftCritique command, IReadOnlySet<Guid> citable, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var good = Points(command.Strengths ?? [], "strengths", errors);
        var bad = Points(command.Shortcomings ?? [], "shortcomings", errors);
        var advice = new List<Recommendation>();
        var recommendations = command.Recommendations ?? [];
        if (recommendations.Count > MaxPoints) errors["recommendations"] = [DomainText.CritiqueTooManyRecommendations(MaxPoints)];
        else
            for (var i = 0; i < recommendations.Count; i++)
            {
                var r = recommendations[i];
                TextRules.Check(r?.Addressee, $"recommendations[{i}].addressee", MaxAddresseeLength, required: true, DomainText.LabelRecommendationAddressee, errors);
                TextRules.Check(r?.Text, $"recommendations[{i}].text", MaxTextLength, required: true, DomainText.LabelRecommendationText, errors);
                if (r?.Addressee is { } to && r.Text is { } text) advice.Add(new Recommendation(to.Trim(), text, r.ItemIds ?? []));
            }
        if (errors.Count == 0 && good.Count + bad.Count + advice.Count == 0) errors["strengths"] = [DomainText.CritiqueNeedsPoint];
        var cited = good.Concat(bad).SelectMany(p => p.ItemIds).Concat(advice.SelectMany(r => r.ItemIds));
        if (errors.Count == 0 && !cited.All(citable.Contains))
            errors["itemIds"] = [DomainText.CritiqueQuotesForeign];
        if (errors.Count > 0) return Decision.Invalid(errors);
        return Decision.Accept(new CritiqueDrafted(state.Id, good, bad, advice, command.DraftedBy, now));
    }

    private static List<CritiquePoint> Points(IReadOnlyList<PointInput> points, string field, Dictionary<string, string[]> errors)
    {
        if (points.Count > MaxPoints)
        {
            errors[field] = [DomainText.CritiqueTooManyPoints(MaxPoints)];
            return [];
        }
        var valid = new List<CritiquePoint>();
        for (var i = 0; i < points.Count; i++)
        {
            TextRules.Check(points[i]?.Text, $"{field}[{i}].text", MaxTextLength, required: true, DomainText.LabelContent, errors);
            if (points[i]?.Text is { } text) valid.Add(new CritiquePoint(text, points[i].ItemIds ?? []));
        }
        return valid;
    }
}

/// <summary>Loads the consultation's stream and the public items among those cited, decides, appends.</summary>
public sealed class DraftCritiqueHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(DraftCritique command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<ConsultationState>(command.ConsultationId, cancellation);
        if (stream.Aggregate is not { } state) return Decision.NotFound(DomainText.ConsultationNotFound);
        var cited = command.Cited.ToArray();
        var citable = cited.Length == 0 ? [] : (await session.Query<FeedbackItem>()
            .Where(x => x.ConsultationId == command.ConsultationId && x.Status == FeedbackStatus.Published && x.Id.IsOneOf(cited))
            .Select(x => x.Id).ToListAsync(cancellation)).ToHashSet();
        var decision = DraftCritique.Decide(state, command, citable, time.GetUtcNow());
        if (!decision.Accepted) return decision;
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}
