namespace Nq45Consult.Consultation.Consultations.Opening;

/// <summary>
/// Open a draft consultation for feedback; it needs something to take part in (a published version, or a
/// survey for a survey-only consultation) and a closing time still ahead.
/// </summary>
public sealed record OpenConsultation(Guid ConsultationId, Caller Caller)
{
    public static Decision Decide(ConsultationState state, OpenConsultation command, DateTimeOffset now) => state.Status switch
    {
        ConsultationStatus.Open => Decision.Conflict("Đợt lấy ý kiến đang mở."),
        not ConsultationStatus.Draft => Decision.Conflict("Đợt lấy ý kiến đã kết thúc, không thể mở lại."),
        _ when !state.HasContent => Decision.Conflict("Chưa có phiên bản dự thảo hay phiếu khảo sát nào để lấy ý kiến."),
        _ when state.ClosesAt <= now => Decision.Conflict("Thời điểm kết thúc đã qua; hãy sửa thời điểm kết thúc trước khi mở."),
        _ => Decision.Accept(new ConsultationOpened(state.Id, command.Caller.UserName, now)),
    };
}

public sealed class OpenConsultationHandler(ConsultationStream stream)
{
    public Task<CommandOutcome> Handle(OpenConsultation command, CancellationToken cancellation) =>
        stream.Append(command.ConsultationId, (state, now) => OpenConsultation.Decide(state, command, now), cancellation);
}
