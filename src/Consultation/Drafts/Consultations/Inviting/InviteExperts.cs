namespace Nq45Consult.Consultation.Drafts.Consultations.Inviting;

/// <summary>Invite experts by user name; names already invited are ignored.</summary>
public sealed record InviteExperts(Guid ConsultationId, IReadOnlyList<string>? UserNames, string InvitedBy)
{
    public const int MaxNamesPerCall = 500;
    public const int MaxNameLength = 64;

    public static Decision Decide(ConsultationState state, InviteExperts command, DateTimeOffset now)
    {
        if (state.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Decision.Refuse("Đợt lấy ý kiến đã kết thúc, không thể mời thêm.");
        var names = (command.UserNames ?? []).Select(n => n?.Trim() ?? "").ToList();
        if (names.Count == 0 || names.Count > MaxNamesPerCall)
            return Decision.Invalid("userNames", $"Cần từ 1 đến {MaxNamesPerCall} tên đăng nhập.");
        var bad = names.FirstOrDefault(n => n.Length is 0 or > MaxNameLength || !n.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'));
        if (bad is not null)
            return Decision.Invalid("userNames", $"Tên đăng nhập không hợp lệ: \"{bad}\".");
        var added = names.Distinct(StringComparer.OrdinalIgnoreCase).Where(n => !state.Invited.Contains(n)).ToList();
        return added.Count == 0 ? Decision.Accept() : Decision.Accept(new ExpertsInvited(state.Id, added, command.InvitedBy, now));
    }
}
