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
    /// "Góp ý bằng văn bản của Sở Tư pháp (văn bản số 12/STP), nhận ngày 01/12/2026", naming the sender as the reader may
    /// know them (<paramref name="senderAsShown"/>: the item's public author name, "Ẩn danh" for an anonymous one).
    /// </summary>
    public string Describe(string senderAsShown) => string.Format(
        CultureInfo.InvariantCulture,
        Kind switch
        {
            ProvenanceKind.PaperLetter => RecordingText.PaperLetter,
            ProvenanceKind.Organisation => RecordingText.Organisation,
            _ => RecordingText.Meeting,
        },
        senderAsShown,
        DocumentReference is null ? "" : string.Format(CultureInfo.InvariantCulture, RecordingText.Reference, DocumentReference),
        ReceivedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
}

/// <summary>
/// Appended right after the <see cref="FeedbackSubmitted"/> that starts an item recorded on its sender's behalf: the
/// item is then counted, searched, answered and reported as every other, and this says where it came from.
/// </summary>
public sealed record FeedbackRecordedOnBehalf(Guid FeedbackId, FeedbackProvenance Provenance, string RecordedBy, DateTimeOffset RecordedAt);
