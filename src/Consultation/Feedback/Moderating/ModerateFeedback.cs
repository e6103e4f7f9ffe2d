using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Feedback.Moderating;

/// <summary>A moderator hides or restores an item, always with a reason category (<c>other</c> when none is given) and a written reason.</summary>
public sealed record ModerateFeedback(Guid FeedbackId, string? Action, string? Category, string? Reason, Caller Moderator)
{
    public const int MaxReasonLength = 2_000;

    public static Decision Decide(FeedbackState item, ModerateFeedback command, DateTimeOffset now)
    {
        if (!command.Moderator.IsModerator) return Decision.Forbid(DomainText.FeedbackModerateModeratorsOnly);
        var errors = new Dictionary<string, string[]>();
        if (!KebabCase.TryParse<ModerationAction>(command.Action, out var action))
            errors["action"] = [DomainText.ActionMustBeOneOf(KebabCase.Names<ModerationAction>())];
        // The category came after api-v1.md's {action, reason}: a client written against it sends none, meaning "other".
        var category = ModerationCategory.Other;
        if (command.Category is not null && !KebabCase.TryParse(command.Category, out category))
            errors["category"] = [DomainText.ReasonCategoryMustBeOneOf(KebabCase.Names<ModerationCategory>())];
        TextRules.Check(command.Reason, "reason", MaxReasonLength, required: true, DomainText.LabelReason, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);

        var by = command.Moderator.UserName;
        return action switch
        {
            ModerationAction.Hide when item.Hidden => Decision.Conflict(DomainText.FeedbackAlreadyHidden),
            ModerationAction.Hide => Decision.Accept(new FeedbackHidden(item.Id, item.ConsultationId, category, command.Reason!, by, now)),
            _ when !item.Hidden => Decision.Conflict(DomainText.FeedbackNotHidden),
            _ => Decision.Accept(new FeedbackRestored(item.Id, item.ConsultationId, category, command.Reason!, by, now)),
        };
    }
}

/// <summary>Loads, decides, appends, returns the item's new version.</summary>
public sealed class ModerateFeedbackHandler(IDocumentStore store, PublishedSections sections, TimeProvider time)
{
    public Task<FeedbackOutcome> Handle(ModerateFeedback command, CancellationToken cancellation) =>
        FeedbackItemChange.Run(store, sections, time, command.FeedbackId, null,
            (item, _, now) => ModerateFeedback.Decide(item, command, now), cancellation);
}
