using Marten;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;

namespace Nq45Consult.Consultation.Onboarding;

/// <summary>A request as moderators see it: never the password's hash.</summary>
public sealed record SignUpView(
    string UserName, string FullName, string Email, string AcademicTitle, string Degree, IReadOnlyList<string> Fields,
    string? Organization, string? Association, bool InProvince, string Status, DateTimeOffset RequestedAt, DateTimeOffset? VerifiedAt,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DeclineReason)
{
    public static SignUpView Of(SignUp s) => new(
        s.UserName, s.Details.FullName, s.Email, KebabCase.Name(s.Details.AcademicTitle), KebabCase.Name(s.Details.Degree), s.Details.Fields,
        s.Details.Organisation, s.AssociationName, s.Details.InProvince, KebabCase.Name(s.Status), s.RequestedAt, s.VerifiedAt,
        s.DecidedAt, s.DecidedBy, s.DeclineReason);
}

/// <summary>One page of the queue, oldest first; <see cref="Page"/> counts from 1.</summary>
public sealed record SignUpPage(IReadOnlyList<SignUpView> SignUps, int Page, int PageSize, int Total)
{
    public bool HasNewer => Page > 1;

    public bool HasOlder => Page * PageSize < Total;
}

public sealed class SignUpQueries(IDocumentStore store, TimeProvider time)
{
    /// <summary>The requests in <paramref name="status"/>, for moderators only (null for anyone else); waiting longest first.</summary>
    public async Task<SignUpPage?> List(Caller? caller, SignUpStatus status, int page, int pageSize, CancellationToken cancellation)
    {
        if (caller is not { IsModerator: true }) return null;
        page = Math.Max(1, page);
        await using var session = store.QuerySession();
        var query = session.Query<SignUp>().Where(s => s.Status == status);
        var total = await query.CountAsync(cancellation);
        var found = await query.OrderBy(s => s.VerifiedAt).ThenBy(s => s.RequestedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellation);
        return new([.. found.Select(SignUpView.Of)], page, pageSize, total);
    }

    /// <summary>
    /// Whether <paramref name="token"/> would verify a request now, without using it: the verification page offers its
    /// button only then, and answers every other token alike.
    /// </summary>
    public async Task<bool> CanVerify(string? token, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(token)) return false;
        await using var session = store.QuerySession();
        var link = await session.LoadAsync<OneTimeLink>(OneTimeLink.IdOf(token), cancellation);
        if (link is null || !link.IsUsable(LinkPurpose.EmailVerification, time.GetUtcNow()) || !Guid.TryParse(link.Subject, out var id)) return false;
        return await session.LoadAsync<SignUp>(id, cancellation) is { Status: SignUpStatus.AwaitingVerification };
    }

    /// <summary>The verified request of <paramref name="userName"/> (its older, lapsed ones never verified), for the moderators' decisions.</summary>
    internal static Task<SignUp?> Verified(IQuerySession session, string userName, CancellationToken cancellation)
    {
        var normalized = Account.Normalize(userName);
        return session.Query<SignUp>()
            .Where(s => s.NormalizedUserName == normalized && s.Status != SignUpStatus.AwaitingVerification)
            .FirstOrDefaultAsync(cancellation);
    }
}
