using Microsoft.Extensions.Options;

namespace Nq45Consult.Consultation.Consultations.Editing;

/// <summary>Change title, summary, fields, audience or dates of a consultation that is not closed yet.</summary>
public sealed record EditConsultationDetails(Guid ConsultationId, ConsultationDetailsInput Details, Caller Caller)
{
    public static Decision Decide(ConsultationState state, EditConsultationDetails command, ConsultationOptions options, DateTimeOffset now)
    {
        if (state.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Decision.Conflict("Không thể sửa thông tin: đợt lấy ý kiến đã kết thúc.");
        var (details, errors) = command.Details.Validate(options);
        if (details is null) return Decision.Invalid(errors);
        return Decision
            .Accept(new ConsultationDetailsEdited(state.Id, details, command.Caller.UserName, now))
            .WithWarnings(ConsultationDetailsInput.Warnings(details, options));
    }
}

public sealed class EditConsultationDetailsHandler(ConsultationStream stream, IOptions<ConsultationOptions> options)
{
    public Task<CommandOutcome> Handle(EditConsultationDetails command, CancellationToken cancellation) =>
        stream.Append(command.ConsultationId, (state, now) => EditConsultationDetails.Decide(state, command, options.Value, now), cancellation);
}
