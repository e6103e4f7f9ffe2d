namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <param name="Participants">Participants who cast at least one vote.</param>
/// <param name="Groups">Opinion groups, largest first; ids 0, 1, … in that order.</param>
/// <param name="Consensus">Statement ids a majority of every group agrees with, broadest agreement first.</param>
/// <param name="Divisive">Statement ids on which groups take opposite sides, widest gap first.</param>
/// <param name="Points">Every participant who voted, on the map; the public map shows them as anonymous dots.</param>
public sealed record OpinionMapResult(
    int Participants,
    IReadOnlyList<OpinionGroup> Groups,
    IReadOnlyList<string> Consensus,
    IReadOnlyList<string> Divisive,
    IReadOnlyList<ParticipantPoint> Points);

/// <param name="ParticipantKeys">Who is in the group: for moderators' use only, never on the public map.</param>
public sealed record OpinionGroup(int Id, int Size, IReadOnlyList<string> ParticipantKeys, IReadOnlyList<RepresentativeStatement> Representative);

/// <param name="Agree">Group members who agreed.</param>
/// <param name="Disagree">Group members who disagreed.</param>
/// <param name="Seen">Group members who voted on it (agree, disagree or pass).</param>
/// <param name="For">Whether the group stands apart by agreeing or by disagreeing.</param>
public sealed record RepresentativeStatement(string StatementId, int Agree, int Disagree, int Seen, RepresentativeFor For);

/// <param name="GroupId">Null for a participant with too few votes to be placed in a group.</param>
public sealed record ParticipantPoint(string ParticipantKey, double X, double Y, int? GroupId);
