using Nq45Consult.Consultation.OpinionMap.Analysis;

namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>
/// The last computed map of a consultation (id = the consultation's), kept as a document so reading the map never runs
/// the analysis. Participant keys in <see cref="Result"/> are user names: for the viewer's own dot and moderators'
/// aggregates only, never sent out.
/// </summary>
public sealed record OpinionMapSnapshot(Guid Id, OpinionMapResult Result, IReadOnlyList<string> StatementIds, int Votes, DateTimeOffset ComputedAt);
