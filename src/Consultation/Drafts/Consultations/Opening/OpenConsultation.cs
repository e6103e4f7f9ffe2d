namespace Nq45Consult.Consultation.Drafts.Consultations.Opening;

/// <summary>Open a draft consultation for feedback; it needs a published version and a closing time still ahead.</summary>
public sealed record OpenConsultation(Guid ConsultationId, string OpenedBy)
{
    public static Decision Decide(ConsultationState state, OpenConsultation command, DateTimeOffset now) => state.Status switch
    {
        ConsultationStatus.Open => Decision.Refuse("Đợt lấy ý kiến đang mở."),
        not ConsultationStatus.Draft => Decision.Refuse("Đợt lấy ý kiến đã kết thúc, không thể mở lại."),
        _ when state.CurrentVersion == 0 => Decision.Refuse("Chưa có phiên bản dự thảo nào được đăng."),
        _ when state.ClosesAt <= now => Decision.Refuse("Thời điểm kết thúc đã qua; hãy sửa thời điểm kết thúc trước khi mở."),
        _ => Decision.Accept(new ConsultationOpened(state.Id, command.OpenedBy, now)),
    };
}
