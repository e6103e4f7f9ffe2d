using Marten;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Cases.RecordingAnswer;

/// <summary>What an official says of one recommendation: its place in the report (from 0), accepted / partly / not, and why.</summary>
public sealed record AnswerInput(int? Recommendation, string? Verdict, string? Explanation);

/// <summary>
/// An official of the requesting agency records the agency's answer to the report sent: one position, with its
/// explanation, per recommendation. Recorded once; public when the request allowed it.
/// </summary>
public sealed record RecordAgencyAnswer(Guid CaseId, IReadOnlyList<AnswerInput?>? Answers, Caller Official)
{
    public static Decision Decide(CritiqueCase? found, RecordAgencyAnswer command, DateTimeOffset now)
    {
        if (!command.Official.IsOfficial) return Decision.Forbid(DomainText.CaseAnswerRequestingAgencyOnly);
        if (CaseChange.Unseen(found, command.Official) is { } unseen) return unseen;
        if (command.Official.AgencyId != found!.AgencyId) return Decision.Forbid(DomainText.CaseAnswerRequestingAgencyOnly);
        if (found.Report is not { } report) return Decision.Conflict(DomainText.CaseReportNotSent);
        if (found.AnsweredAt is not null) return Decision.Conflict(DomainText.CaseAnswerAlreadyRecorded);
        var answers = command.Answers ?? [];
        var errors = new Dictionary<string, string[]>();
        var places = answers.Select(a => a?.Recommendation).ToList();
        if (answers.Count != report.Count || places.Any(p => p is null || p < 0 || p >= report.Count) || places.Distinct().Count() != places.Count)
            errors["answers"] = [DomainText.CaseAnswerEachRecommendation(report.Count)];
        var verdicts = new AnswerVerdict[answers.Count];
        for (var i = 0; i < answers.Count; i++)
        {
            if (!KebabCase.TryParse(answers[i]?.Verdict, out verdicts[i]))
                errors[$"answers[{i}].verdict"] = [DomainText.CaseVerdictMustBeOneOf(KebabCase.Names<AnswerVerdict>())];
            TextRules.Check(answers[i]?.Explanation, $"answers[{i}].explanation", CritiqueCase.MaxExplanationLength, required: true, DomainText.LabelCaseExplanation, errors);
        }
        if (errors.Count > 0) return Decision.Invalid(errors);
        var recorded = answers.Select((a, i) => new RecommendationAnswer(a!.Recommendation!.Value, verdicts[i], a.Explanation!.Trim()))
            .OrderBy(a => a.Recommendation).ToList();
        return Decision.Accept(new AgencyAnswerRecorded(found.Id, recorded, command.Official.UserName, now));
    }
}

public sealed class RecordAgencyAnswerHandler(IDocumentStore store, TimeProvider time)
{
    public Task<Decision> Handle(RecordAgencyAnswer command, CancellationToken cancellation) =>
        CaseChange.Run(store, command.CaseId, (_, c) => Task.FromResult(RecordAgencyAnswer.Decide(c, command, time.GetUtcNow())), cancellation);
}
