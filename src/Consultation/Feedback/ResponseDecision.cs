namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// What the drafting agency decided about an item: <c>accepted | partially-accepted | noted | not-accepted</c>
/// (tiếp thu / tiếp thu một phần / ghi nhận / không tiếp thu).
/// </summary>
public enum ResponseDecision
{
    Accepted,
    PartiallyAccepted,
    Noted,
    NotAccepted,
}

public static class ResponseDecisions
{
    /// <summary>The decisions the law asks to be explained (giải trình).</summary>
    public static bool NeedsExplanation(this ResponseDecision decision) =>
        decision is ResponseDecision.NotAccepted or ResponseDecision.PartiallyAccepted;

    /// <summary>The words agencies use in the acceptance report, a state document in Vietnamese whatever the reader's language.</summary>
    public static string Vietnamese(this ResponseDecision decision) => DomainText.InVietnamese(() => decision.Label());

    /// <summary>The decision in the reader's language.</summary>
    public static string Label(this ResponseDecision decision) => decision switch
    {
        ResponseDecision.Accepted => DomainText.DecisionAccepted,
        ResponseDecision.PartiallyAccepted => DomainText.DecisionPartiallyAccepted,
        ResponseDecision.Noted => DomainText.DecisionNoted,
        _ => DomainText.DecisionNotAccepted,
    };
}
