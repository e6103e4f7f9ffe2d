namespace Nq45Consult.Consultation.Onboarding;

/// <summary>Settings of sign-up (<c>Onboarding</c> section).</summary>
public sealed class OnboardingOptions
{
    public const string Section = "Onboarding";

    /// <summary>How long the e-mailed verification link can be used; an unverified request frees its user name after it.</summary>
    public TimeSpan VerificationLinkLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Requests per page of the moderators' queue (and most per <c>GET /api/signups</c>).</summary>
    public int PageSize { get; set; } = 50;

    public IEnumerable<string> Problems()
    {
        if (VerificationLinkLifetime <= TimeSpan.Zero) yield return $"{Section}:VerificationLinkLifetime must be positive.";
        if (PageSize is < 1 or > 1000) yield return $"{Section}:PageSize must be between 1 and 1000.";
    }
}
