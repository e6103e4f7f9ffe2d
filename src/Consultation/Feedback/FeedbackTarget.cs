using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>The consultation an item is about, as the feedback rules need it: status, audience and the current version's sections.</summary>
public sealed record FeedbackTarget(
    Guid ConsultationId,
    ConsultationStatus Status,
    Audience Audience,
    IReadOnlySet<string> Invited,
    int Version,
    IReadOnlyList<SectionSnapshot> Sections)
{
    public static FeedbackTarget Of(ConsultationDetails consultation, IReadOnlyList<SectionSnapshot> sections) => new(
        consultation.Id, consultation.Status, consultation.Audience,
        new HashSet<string>(consultation.InvitedExperts, StringComparer.OrdinalIgnoreCase),
        consultation.CurrentVersion, sections)
    {
        DraftingAgencyId = consultation.DraftingAgencyId,
    };

    /// <summary>The agency whose officials alone respond to the items (<see cref="DraftingAgencies"/>); null for any official.</summary>
    public Guid? DraftingAgencyId { get; init; }

    public bool IsOpen => Status == ConsultationStatus.Open;

    /// <summary>Who may take part: any expert on a public consultation, only invited experts on an invited one.</summary>
    public bool Admits(Caller caller) =>
        caller.IsExpert && (Audience == Audience.Public || Invited.Contains(caller.UserName));

    public SectionSnapshot? Section(string anchor) => Sections.FirstOrDefault(s => s.Anchor == anchor);

    public static string NotOpenReason(ConsultationStatus status) => status switch
    {
        ConsultationStatus.Draft => DomainText.ConsultationNotOpenYet,
        _ => DomainText.ConsultationEnded,
    };
}
