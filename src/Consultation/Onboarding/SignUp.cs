using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Consultation.Onboarding;

// A person who asked for an account on their own is a stream of its own, apart from the account: the request lives
// (and reserves its user name) before any account exists, and the moderators' decision belongs to the request, not to
// the account. The account is registered, without a role, when the address is verified; approval gives it the expert
// role and the profile typed at sign-up. The password travels only as its hash.

/// <summary>Someone asked for an account; the e-mail with the verification link was queued to <paramref name="Email"/>.</summary>
/// <param name="VerifyBy">When the link stops working; an unverified request no longer holds its user name after it.</param>
public sealed record SignUpRequested(
    Guid SignUpId, string UserName, string Email, string PasswordHash, ProfileDetails Details, string? AssociationName,
    DateTimeOffset RequestedAt, DateTimeOffset VerifyBy, string? Language = null);

/// <summary>The link was followed: the address is the person's, and their account (no role yet) was registered.</summary>
public sealed record SignUpEmailVerified(Guid SignUpId, Guid AccountId, DateTimeOffset VerifiedAt);

/// <summary>A moderator (for the Union, which checks membership) approved: the account got the expert role.</summary>
public sealed record SignUpApproved(Guid SignUpId, Guid ProfileId, DateTimeOffset ApprovedAt, string ApprovedBy);

/// <summary>A moderator declined, with the reason e-mailed to the person; the account stays, without a role.</summary>
public sealed record SignUpDeclined(Guid SignUpId, string Reason, DateTimeOffset DeclinedAt, string DeclinedBy);

public enum SignUpStatus
{
    AwaitingVerification,
    Pending,
    Approved,
    Declined,
}

/// <summary>One request as the moderators' queue reads it; built inline from its stream.</summary>
public sealed record SignUp(
    Guid Id, string UserName, string NormalizedUserName, string Email, string PasswordHash, ProfileDetails Details,
    string? AssociationName, DateTimeOffset RequestedAt, DateTimeOffset VerifyBy)
{
    public SignUpStatus Status { get; init; }
    public Guid? AccountId { get; init; }
    public DateTimeOffset? VerifiedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }
    public string? DeclineReason { get; init; }

    /// <summary>The language of the sign-up's request, for its e-mails while the account has not chosen one.</summary>
    public string? Language { get; init; }

    /// <summary>Whether the request still holds its user name and address: anything but an unverified one past its link.</summary>
    public bool Holds(DateTimeOffset now) => Status != SignUpStatus.AwaitingVerification || now < VerifyBy;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}

public sealed class SignUpProjection : SingleStreamProjection<SignUp, Guid>
{
    public static SignUp Create(SignUpRequested e) =>
        new(e.SignUpId, e.UserName, Accounts.Account.Normalize(e.UserName), e.Email, e.PasswordHash, e.Details, e.AssociationName, e.RequestedAt, e.VerifyBy)
        {
            Status = SignUpStatus.AwaitingVerification,
            Language = e.Language,
        };

    public static SignUp Apply(SignUpEmailVerified e, SignUp s) =>
        s with { Status = SignUpStatus.Pending, AccountId = e.AccountId, VerifiedAt = e.VerifiedAt };

    public static SignUp Apply(SignUpApproved e, SignUp s) =>
        s with { Status = SignUpStatus.Approved, DecidedAt = e.ApprovedAt, DecidedBy = e.ApprovedBy };

    public static SignUp Apply(SignUpDeclined e, SignUp s) =>
        s with { Status = SignUpStatus.Declined, DecidedAt = e.DeclinedAt, DecidedBy = e.DeclinedBy, DeclineReason = e.Reason };
}
