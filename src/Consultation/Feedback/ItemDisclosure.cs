namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// What a caller (null: anonymous) may see of one feedback item: an anonymous or unconsenting author is named to
/// moderators only, and only moderators see the author's user name; moderators and officials see reports and the
/// moderation reason; the response once responses are public, before that only officials (it is their draft).
/// </summary>
public sealed record ItemDisclosure(bool AuthorNamed, bool AuthorUserName, bool Moderation, bool Response)
{
    public static ItemDisclosure For(FeedbackItem item, Caller? caller, bool responsesPublic) => new(
        AuthorNamed: item.AuthorIsPublic || caller?.IsModerator == true,
        AuthorUserName: caller?.IsModerator == true,
        Moderation: caller?.IsReviewer == true,
        Response: item.Response is not null && ResponseShown(responsesPublic, caller));

    /// <summary>Whether the caller may read a consultation's responses: once published, before that only officials.</summary>
    public static bool ResponseShown(bool responsesPublic, Caller? caller) => responsesPublic || caller?.IsOfficial == true;
}
