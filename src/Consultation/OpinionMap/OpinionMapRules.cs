using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>The rules several opinion-map use cases share: who takes part, what a statement's text must be.</summary>
internal static class OpinionMapRules
{
    public static string ConsultationNotFound => DomainText.ConsultationNotFound;
    public static string StatementNotFound => DomainText.StatementNotFound;
    public static string MapNotOn => DomainText.OpinionMapNotOn;

    /// <summary>As for feedback: a moderator always; others once it is published.</summary>
    public static bool MaySee(ConsultationDetails consultation, Caller? caller) => consultation.IsPublished || caller?.IsModerator == true;

    /// <summary>As for feedback: any expert on a public consultation, only invited experts on an invited one.</summary>
    public static bool TakesPart(ConsultationDetails consultation, Caller caller) =>
        caller.IsExpert && (consultation.Audience == Audience.Public
            || consultation.InvitedExperts.Contains(caller.UserName, StringComparer.OrdinalIgnoreCase));

    public static bool HasEnded(ConsultationDetails consultation) =>
        consultation.Status is ConsultationStatus.Closed or ConsultationStatus.Responded;

    /// <summary>The claim trimmed, or null with the fault in <paramref name="errors"/>: required, at most 280 characters.</summary>
    public static string? Text(string? text, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors["text"] = [DomainText.StatementRequired];
        else if (trimmed.Length > Statement.MaxTextLength) errors["text"] = [DomainText.StatementTooLong(Statement.MaxTextLength, trimmed.Length)];
        else return trimmed;
        return null;
    }
}
