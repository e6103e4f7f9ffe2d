using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Feedback.Reporting;

/// <summary>
/// An expert flags someone else's item for the moderators, with a reason category (the moderators' own
/// categories, <c>other</c> when not given) and a written reason; once per expert and item. <see cref="ConsultationId"/>,
/// when given, is the consultation whose page listed the item: an item of any other is not found there.
/// </summary>
public sealed record ReportFeedback(Guid FeedbackId, string? Reason, Caller Reporter, string? Category = null, Guid? ConsultationId = null)
{
    public const int MaxReasonLength = 2_000;

    public static Decision Decide(FeedbackState item, ReportFeedback command, DateTimeOffset now)
    {
        if (command.ConsultationId is { } listedOn && listedOn != item.ConsultationId) return Decision.NotFound(DomainText.FeedbackNotFound);
        if (!command.Reporter.IsExpert) return Decision.Forbid(DomainText.ReportExpertsOnly);
        if (item.Withdrawn || item.Hidden) return Decision.NotFound(DomainText.FeedbackNotFound);
        // Reporting one's own item would only put noise in the moderators' queue; the author can withdraw it.
        if (item.IsAuthor(command.Reporter.UserName)) return Decision.Forbid(DomainText.ReportOwnFeedback);
        var errors = new Dictionary<string, string[]>();
        var category = ModerationCategory.Other;
        if (command.Category is not null && !KebabCase.TryParse(command.Category, out category))
            errors["category"] = [DomainText.ViolationCategoryMustBeOneOf(KebabCase.Names<ModerationCategory>())];
        TextRules.Check(command.Reason, "reason", MaxReasonLength, required: true, DomainText.LabelReportReason, errors);
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (item.ReportedBy.Contains(command.Reporter.UserName)) return Decision.Conflict(DomainText.ReportAlreadyMade);
        return Decision.Accept(new FeedbackReported(item.Id, command.Reason!, command.Reporter.UserName, now, category));
    }
}

/// <summary>Loads, decides, appends, returns the item's new version.</summary>
public sealed class ReportFeedbackHandler(IDocumentStore store, PublishedSections sections, TimeProvider time)
{
    public Task<FeedbackOutcome> Handle(ReportFeedback command, CancellationToken cancellation) =>
        FeedbackItemChange.Run(store, sections, time, command.FeedbackId, null,
            (item, _, now) => ReportFeedback.Decide(item, command, now), cancellation);
}
