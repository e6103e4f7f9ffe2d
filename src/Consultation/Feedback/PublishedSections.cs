using System.Collections.Concurrent;
using Marten;
using Nq45Consult.Consultation.Consultations;

namespace Nq45Consult.Consultation.Feedback;

/// <summary>
/// The sections of published draft versions, as the feedback rules check quotes and anchors against them. A published
/// version never changes, so its sections are kept in memory (one instance per application) instead of loading and
/// deserialising the whole draft on every submission.
/// </summary>
public sealed class PublishedSections
{
    private const int MaxCachedVersions = 256;

    private readonly ConcurrentDictionary<string, IReadOnlyList<SectionSnapshot>> versions = new();

    /// <summary>
    /// The consultation with the sections of <paramref name="version"/> (the current one when null). The consultation
    /// is read by the caller in its transaction (its status decides).
    /// </summary>
    public async Task<FeedbackTarget> Target(IQuerySession session, ConsultationDetails consultation, int? version, CancellationToken cancellation = default)
    {
        var wanted = version ?? consultation.CurrentVersion;
        if (wanted == 0) return FeedbackTarget.Of(consultation, []);
        var id = DraftVersion.IdOf(consultation.Id, wanted);
        if (!versions.TryGetValue(id, out var sections))
        {
            sections = (await session.LoadAsync<DraftVersion>(id, cancellation))?.Sections ?? [];
            if (versions.Count >= MaxCachedVersions) versions.Clear();
            versions[id] = sections;
        }
        return FeedbackTarget.Of(consultation, sections);
    }
}
