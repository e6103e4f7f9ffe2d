namespace Nq45Consult.Consultation.Consultations.Creating;

/// <summary>Create a consultation in the draft state; <see cref="Slug"/> is already known to be free.</summary>
public sealed record CreateConsultation(Guid ConsultationId, string Slug, ConsultationDetailsInput Details, string CreatedBy)
{
    public static Decision Decide(CreateConsultation command, ConsultationOptions options, DateTimeOffset now)
    {
        var (details, errors) = command.Details.Validate(options);
        if (details is null) return Decision.Invalid(errors);
        return Decision
            .Accept(new ConsultationCreated(command.ConsultationId, command.Slug, details, command.CreatedBy, now))
            .WithWarnings(ConsultationDetailsInput.Warnings(details, options));
    }
}
