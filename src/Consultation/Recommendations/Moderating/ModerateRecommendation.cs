using Marten;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Recommendations.Moderating;

/// <summary>A moderator hides or restores a recommendation with a written reason, as feedback is moderated; nothing is deleted.</summary>
public sealed record ModerateRecommendation(Guid RecommendationId, string? Action, string? Reason, Caller Moderator)
{
    public static Decision Decide(Recommendation? recommendation, ModerateRecommendation command, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.RecommendationModerateModeratorsOnly);
        if (recommendation is null) return Decision.NotFound(RecommendationChange.NotFound);
        var errors = new Dictionary<string, string[]>();
        if (!KebabCase.TryParse<ModerationAction>(command.Action, out var action))
            errors["action"] = [DomainText.ActionMustBeOneOf(KebabCase.Names<ModerationAction>())];
        TextRules.Check(command.Reason, "reason", Recommendation.MaxReasonLength, required: true, DomainText.LabelReason, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        var by = command.Moderator.UserName;
        return action switch
        {
            ModerationAction.Hide when recommendation.Hidden => Decision.Conflict(DomainText.RecommendationHidden),
            ModerationAction.Hide => Decision.Accept(new RecommendationHidden(recommendation.Id, command.Reason!, by, now)),
            _ when !recommendation.Hidden => Decision.Conflict(DomainText.RecommendationNotHidden),
            _ => Decision.Accept(new RecommendationRestored(recommendation.Id, command.Reason!, by, now)),
        };
    }
}

public sealed class ModerateRecommendationHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(ModerateRecommendation command, CancellationToken cancellation) =>
        RecommendationChange.Run(store, command.RecommendationId, r => ModerateRecommendation.Decide(r, command, time.GetUtcNow()), cancellation);
}
