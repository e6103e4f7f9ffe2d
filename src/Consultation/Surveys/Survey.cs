using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>
/// The moderator set the survey of a consultation. Appended to the consultation's own stream, so defining a
/// survey and opening or closing the consultation are ordered by one stream version. <see cref="Revision"/>
/// grows only when the questions change; responses record the revision they answered.
/// </summary>
public sealed record SurveyDefined(
    Guid ConsultationId,
    int Revision,
    IReadOnlyList<SurveyQuestion> Questions,
    bool ResultsPublic,
    string DefinedBy,
    DateTimeOffset DefinedAt) : Consultations.ISurveyDefined;

/// <summary>
/// An expert answered the survey; a later one replaces it (both stay in the response's stream).
/// <see cref="Profile"/> is the respondent's degree and fields as their profile said when they answered
/// (null without a profile), so results broken down by them do not shift when a profile is edited later.
/// </summary>
/// <remarks>Only what the results group by is kept: no title, organisation or name beyond the user name.</remarks>
public sealed record SurveyAnswered(
    Guid ResponseId,
    Guid ConsultationId,
    int Revision,
    IReadOnlyDictionary<string, SurveyAnswer> Answers,
    string Respondent,
    DateTimeOffset AnsweredAt,
    RespondentProfile? Profile = null);

/// <summary>The respondent's degree ("TS", "ThS"…) and fields of expertise, from their expert profile.</summary>
public sealed record RespondentProfile(string? Degree, IReadOnlyList<string> Fields)
{
    public static RespondentProfile? Of(Feedback.AuthorProfile? profile) => profile is null ? null : new(profile.Degree, profile.Fields ?? []);
}

/// <summary>
/// One answer, in the shape its question's kind needs: chosen option indexes (single, multiple), a number
/// (likert, number) or text.
/// </summary>
public sealed record SurveyAnswer(IReadOnlyList<int>? Options = null, decimal? Number = null, string? Text = null);

/// <summary>A consultation's survey, kept inline with the consultation's stream (id = consultation id).</summary>
public sealed record Survey(
    Guid Id,
    int Revision,
    IReadOnlyList<SurveyQuestion> Questions,
    bool ResultsPublic,
    DateTimeOffset DefinedAt)
{
    public SurveyQuestion? Question(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public bool SameQuestionsAs(IReadOnlyList<SurveyQuestion> questions) =>
        Questions.Count == questions.Count && Questions.Zip(questions).All(pair => pair.First.SameAs(pair.Second));
}

/// <summary>Builds <see cref="Survey"/> from the consultation stream's <see cref="SurveyDefined"/> events only.</summary>
public sealed class SurveyProjection : SingleStreamProjection<Survey, Guid>
{
    public SurveyProjection() => IncludeType<SurveyDefined>();

    public override Survey Evolve(Survey? snapshot, Guid id, JasperFx.Events.IEvent e) => e.Data switch
    {
        SurveyDefined defined => new Survey(id, defined.Revision, defined.Questions, defined.ResultsPublic, defined.DefinedAt),
        _ => snapshot!,
    };
}
