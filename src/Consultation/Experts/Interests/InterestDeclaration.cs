using System.Security.Cryptography;
using System.Text;
using Marten.Events.Aggregation;
using Nq45Consult.Consultation.Consultations;

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

public sealed record DeclareInterests(Guid ConsultationId, string UserName, string DisplayName, bool? HasInterests, string? Statement)
{
    public static Decision Decide(ConsultationDetails consultation, DeclareInterests command, DateTimeOffset now)
    {
        if (consultation.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open)) return Decision.Conflict("Đợt lấy ý kiến đã kết thúc.");
        if (command.HasInterests is not { } has) return Decision.Invalid("hasInterests", "Cần cho biết có xung đột lợi ích hay không.");
        var statement = string.IsNullOrWhiteSpace(command.Statement) ? null : command.Statement.Trim();
        if (has && statement is null) return Decision.Invalid("statement", "Cần mô tả lợi ích liên quan.");
        if (statement?.Length > InterestDeclaration.MaxStatementLength)
            return Decision.Invalid("statement", $"Nội dung dài tối đa {InterestDeclaration.MaxStatementLength} ký tự.");
        return Decision.Accept(new InterestsDeclared(
            InterestDeclaration.IdOf(consultation.Id, command.UserName), consultation.Id, command.UserName, command.DisplayName, has, statement, now));
    }
}
