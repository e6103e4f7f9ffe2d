using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Web.Pages.Consultations;

/// <summary>
/// The details form of the moderator pages, as posted: the same input the API takes
/// (<see cref="ConsultationDetailsInput"/>), with times as <c>datetime-local</c> values in Vietnam time.
/// </summary>
public sealed class ConsultationForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? DraftingAgency { get; set; }
    public Guid? DraftingAgencyId { get; set; }
    public string? DocumentType { get; set; }
    public List<string> Fields { get; set; } = [];
    public string? Audience { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }

    public ConsultationDetailsInput ToInput() => new(
        Title, Summary, DraftingAgency, DocumentType, Fields, Audience,
        ConsultationText.FromLocalInput(OpensAt), ConsultationText.FromLocalInput(ClosesAt))
    {
        DraftingAgencyId = DraftingAgencyId,
    };

    public static ConsultationForm Of(ConsultationDetails c) => new()
    {
        Title = c.Title,
        Summary = c.Summary,
        DraftingAgency = c.DraftingAgency,
        DraftingAgencyId = c.DraftingAgencyId,
        DocumentType = KebabCase.Name(c.DocumentType),
        Fields = [.. c.Fields],
        Audience = KebabCase.Name(c.Audience),
        OpensAt = ConsultationText.LocalInput(c.OpensAt),
        ClosesAt = ConsultationText.LocalInput(c.ClosesAt),
    };

    /// <summary>A new consultation: opens tomorrow morning for thirty days.</summary>
    public static ConsultationForm New(DateTimeOffset now)
    {
        var tomorrow = ConsultationText.LocalInput(now.AddDays(1))[..10] + "T08:00";
        return new()
        {
            DocumentType = KebabCase.Name(Consultation.Consultations.DocumentType.Policy),
            Audience = KebabCase.Name(Consultation.Consultations.Audience.Public),
            OpensAt = tomorrow,
            ClosesAt = ConsultationText.LocalInput(ConsultationText.FromLocalInput(tomorrow)!.Value.AddDays(30)),
        };
    }
}
