using System.Text.Json;

namespace Nq45Consult.Consultation.Consultations;

/// <summary>One event of a consultation's history as moderators read it: what, who, when, and the gist.</summary>
public sealed record HistoryEntry(long Sequence, string Event, string? Actor, DateTimeOffset At, string Description)
{
    public static HistoryEntry Of(long sequence, object data, DateTimeOffset stored)
    {
        var name = JsonNamingPolicy.KebabCaseLower.ConvertName(data.GetType().Name);
        return data switch
        {
            ConsultationCreated e => new(sequence, name, e.CreatedBy, e.CreatedAt, $"Tạo đợt lấy ý kiến \"{e.Details.Title}\"."),
            ConsultationDetailsEdited e => new(sequence, name, e.EditedBy, e.EditedAt, "Sửa thông tin đợt lấy ý kiến."),
            DraftVersionPublished e => new(sequence, name, e.PublishedBy, e.PublishedAt,
                $"Đăng phiên bản {e.Version} ({e.Sections.Count} mục)" + (e.ChangeNote is null ? "." : $": {e.ChangeNote}")),
            ConsultationOpened e => new(sequence, name, e.OpenedBy, e.OpenedAt, "Mở lấy ý kiến."),
            ConsultationClosed e => new(sequence, name, e.ClosedBy, e.ClosedAt,
                e.ClosedBy is null ? "Tự động kết thúc khi đến thời điểm kết thúc." : "Kết thúc lấy ý kiến."),
            ExpertsInvited e => new(sequence, name, e.InvitedBy, e.InvitedAt, $"Mời chuyên gia: {string.Join(", ", e.UserNames)}."),
            _ => new(sequence, name, null, stored, name),
        };
    }
}
