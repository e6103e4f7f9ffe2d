using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Surveys;

/// <summary>
/// An expert's current answers to a consultation's survey. One stream per consultation and expert, with a
/// single-stream inline document: exact under any number of concurrent respondents, and results are a query
/// over these documents (no shared counter to lose updates to).
/// </summary>
public sealed record SurveyResponse(
    Guid Id,
    Guid ConsultationId,
    string Respondent,
    int Revision,
    IReadOnlyDictionary<string, SurveyAnswer> Answers,
    long Version,
    DateTimeOffset FirstAnsweredAt,
    DateTimeOffset AnsweredAt)
{
    /// <summary>The respondent's degree ("TS", "ThS"…) when they answered; null when their profile did not say.</summary>
    public string? Degree { get; init; }

    /// <summary>The respondent's fields of expertise when they answered; empty when their profile did not say.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// The stream id of <paramref name="userName"/>'s response to <paramref name="consultationId"/>: derived, not
    /// stored, so a second response finds the first without a lookup and two cannot coexist.
    /// </summary>
    public static Guid IdOf(Guid consultationId, string userName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"survey-response\n{consultationId:N}\n{userName.ToUpperInvariant()}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: application-defined
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

public sealed class SurveyResponseProjection : SingleStreamProjection<SurveyResponse, Guid>
{
    public SurveyResponseProjection() => IncludeType<SurveyAnswered>();

    public override SurveyResponse Evolve(SurveyResponse? snapshot, Guid id, IEvent e) => e.Data switch
    {
        SurveyAnswered a => new SurveyResponse(
            id, a.ConsultationId, a.Respondent.ToUpperInvariant(), a.Revision, a.Answers, e.Version,
            snapshot?.FirstAnsweredAt ?? a.AnsweredAt, a.AnsweredAt)
        {
            Degree = a.Profile?.Degree,
            Fields = a.Profile?.Fields ?? [],
        },
        _ => snapshot!,
    };
}
