using System.Globalization;

namespace Nq45Consult.Consultation.Feedback.Recording;

/// <summary>How a comment recorded on its sender's behalf reached the moderators: <c>paper-letter | organisation | meeting</c>.</summary>
public enum ProvenanceKind
{
    PaperLetter,
    Organisation,
    Meeting,
}

/// <summary>Where an item recorded on its sender's behalf came from: how, from whom, under which document reference, received when.</summary>
public sealed record FeedbackProvenance(ProvenanceKind Kind, string Sender, string? DocumentReference, DateOnly ReceivedOn)
{
    public const int MaxSenderLength = 300;
    public const int MaxReferenceLength = 100;

    /// <summary>
    /// "Góp ý bằng văn bản của Sở Tư pháp (văn bản số 12/STP), nhận ngày 01/12/2026", in the reader's language, naming the
    /// sender as the reader may know them (<paramref name="senderAsShown"/>: the item's public author name, "Ẩn danh" for
    /// an anonymous one). The official report asks for it in Vietnamese (<see cref="FeedbackItem.ReportAuthorName"/>).
    /// </summary>
    public string Describe(string senderAsShown)
    {
        var reference = DocumentReference is null ? "" : DomainText.ProvenanceReference(DocumentReference);
        var received = ReceivedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return Kind switch
        {
            ProvenanceKind.PaperLetter => DomainText.ProvenancePaperLetter(senderAsShown, reference, received),
            ProvenanceKind.Organisation => DomainText.ProvenanceOrganisation(senderAsShown, reference, received),
            _ => DomainText.ProvenanceMeeting(senderAsShown, reference, received),
        };
    }
}

/// <summary>
/// Appended right after the <see cref="FeedbackSubmitted"/> that starts an item recorded on its sender's behalf: the
/// item is then counted, searched, answered and reported as every other, and this says where it came from.
/// </summary>
public sealed record FeedbackRecordedOnBehalf(Guid FeedbackId, FeedbackProvenance Provenance, string RecordedBy, DateTimeOffset RecordedAt);
