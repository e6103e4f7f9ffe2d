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
            ConsultationCreated e => new(sequence, name, e.CreatedBy, e.CreatedAt, DomainText.HistoryCreated(e.Details.Title)),
            ConsultationDetailsEdited e => new(sequence, name, e.EditedBy, e.EditedAt, DomainText.HistoryDetailsEdited),
            DraftVersionPublished e => new(sequence, name, e.PublishedBy, e.PublishedAt,
                DomainText.HistoryVersionPublished(e.Version, e.Sections.Count) + (e.ChangeNote is null ? "." : $": {e.ChangeNote}")),
            ConsultationOpened e => new(sequence, name, e.OpenedBy, e.OpenedAt, DomainText.HistoryOpened),
            ConsultationClosed e => new(sequence, name, e.ClosedBy, e.ClosedAt,
                e.ClosedBy is null ? DomainText.HistoryClosedAutomatically : DomainText.HistoryClosed),
            ExpertsInvited e => new(sequence, name, e.InvitedBy, e.InvitedAt, DomainText.HistoryExpertsInvited(string.Join(", ", e.UserNames))),
            _ => new(sequence, name, null, stored, name),
        };
    }
}
