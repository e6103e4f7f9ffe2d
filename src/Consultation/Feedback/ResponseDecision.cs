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

    /// <summary>The words agencies use in the acceptance report.</summary>
    public static string Vietnamese(this ResponseDecision decision) => decision switch
    {
        ResponseDecision.Accepted => "Tiếp thu",
        ResponseDecision.PartiallyAccepted => "Tiếp thu một phần",
        ResponseDecision.Noted => "Ghi nhận",
        _ => "Không tiếp thu",
    };
}
