using System.Security.Cryptography;
using System.Text;
using Marten.Events.Aggregation;

namespace Nq45Consult.Consultation.Experts.Interests;

/// <summary>
/// An expert's conflict-of-interest statement for one consultation, made before giving feedback.
/// A later declaration supersedes the earlier one; both stay in the stream.
/// </summary>
public sealed record InterestsDeclared(
    Guid DeclarationId, Guid ConsultationId, string UserName, string DisplayName, bool HasInterests, string? Statement, DateTimeOffset DeclaredAt);

public sealed record InterestDeclaration(
    Guid Id, Guid ConsultationId, string UserName, string NormalizedUserName, string DisplayName, bool HasInterests, string? Statement,
    DateTimeOffset DeclaredAt, int Revisions)
{
    public const int MaxStatementLength = 2000;

    /// <summary>One stream per expert and consultation, so two declarations race on one stream, not two.</summary>
    public static Guid IdOf(Guid consultationId, string userName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"interests:{consultationId:N}:{userName.Trim().ToUpperInvariant()}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

public sealed class InterestDeclarationProjection : SingleStreamProjection<InterestDeclaration, Guid>
{
    public static InterestDeclaration Create(InterestsDeclared e) =>
        new(e.DeclarationId, e.ConsultationId, e.UserName, e.UserName.ToUpperInvariant(), e.DisplayName, e.HasInterests, e.Statement, e.DeclaredAt, 1);

    public static InterestDeclaration Apply(InterestsDeclared e, InterestDeclaration d) =>
        d with { HasInterests = e.HasInterests, Statement = e.Statement, DisplayName = e.DisplayName, DeclaredAt = e.DeclaredAt, Revisions = d.Revisions + 1 };
}
