using Marten;

namespace Nq45Consult.Consultation.Feedback.Authoring;

/// <summary>
/// The person gave or withdrew consent to appear by name: every item they wrote is presented accordingly from now on.
/// Feedback owns this rule and its event; the capability that records the consent (Experts) calls it inside its own
/// transaction, so the profile and the items change together.
/// </summary>
public sealed record PresentAuthorAsConsented(string UserName, bool AppearsByName, string By)
{
    /// <summary>One event per item whose presentation differs from the consent.</summary>
    public static Decision Decide(IReadOnlyList<Guid> itemsPresentedOtherwise, PresentAuthorAsConsented command, DateTimeOffset now) =>
        Decision.Accept([.. itemsPresentedOtherwise.Select(item => new AuthorNameConsentChanged(item, command.AppearsByName, command.By, now))]);

    /// <summary>Appends to <paramref name="session"/>; the caller commits.</summary>
    public static async Task AppendAsync(IDocumentSession session, PresentAuthorAsConsented command, DateTimeOffset now, CancellationToken cancellation)
    {
        var author = command.UserName.Trim().ToUpperInvariant();
        var items = await session.Query<FeedbackItem>()
            .Where(x => x.AuthorUserName == author && x.Author.NameWithheld == command.AppearsByName)
            .Select(x => x.Id).ToListAsync(cancellation);
        // Fetched for writing so each item's document gets its new stream version (the author's next If-Match).
        foreach (var changed in Decide(items, command, now).Events.Cast<AuthorNameConsentChanged>())
            (await session.Events.FetchForWriting<FeedbackState>(changed.FeedbackId, cancellation)).AppendOne(changed);
    }
}
