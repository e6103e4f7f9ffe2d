using Nq45Consult.Consultation.OpinionMap;

namespace Nq45Consult.Web.OpinionMap;

// The JSON shapes of the opinion-map routes (api-v1.md "Added in v1.1", docs/opinion-map.md); votes and statuses travel as kebab-case text.

public sealed record TurnOnRequest(string? SectionAnchor);

public sealed record StatementRequest(string? Text);

public sealed record VoteRequest(string? Vote);

public sealed record StatementModerationRequest(string? Action, string? Reason);

public sealed record StatementCreated(Guid Id);

public sealed record OpinionMapScopeView(Guid ConsultationId, string? SectionAnchor);

/// <summary>
/// A statement as listed: its counts, the reader's own vote; <see cref="Status"/> and <see cref="ModerationReason"/>
/// matter to moderators and the proposing expert. The author is never named (a proposal is as anonymous as a vote).
/// </summary>
public sealed record StatementView(
    Guid Id, string Text, string Origin, Guid? FeedbackId, string Status, string? ModerationReason,
    int Agree, int Disagree, int Pass, string? Mine)
{
    public static StatementView Of(StatementReading r, bool reviewer) => new(
        r.Statement.Id, r.Statement.Text, KebabCase.Name(r.Statement.Origin), r.Statement.FeedbackId, KebabCase.Name(r.Statement.Status),
        reviewer || r.Statement.Hidden ? r.Statement.ModerationReason : null,
        r.Agree, r.Disagree, r.Pass, r.Mine is { } mine ? KebabCase.Name(mine) : null);
}

public sealed record RepresentativeView(Guid StatementId, int Agree, int Disagree);

public sealed record GroupView(int Id, int Size, IReadOnlyList<RepresentativeView> Representative);

/// <summary>An anonymous dot: where a participant stands, their group (null: too few votes to be grouped), and whether it is the reader's own.</summary>
public sealed record PointView(double X, double Y, int? Group, bool Own);

public sealed record MapStatementView(Guid Id, string Text);

/// <summary>
/// api-v1.md's map, plus the dots, the statements' texts and when it was computed. The dots are ordered by position,
/// never by participant, so their order cannot be matched to a list of names.
/// </summary>
public sealed record OpinionMapView(
    int Participants, IReadOnlyList<GroupView> Groups, IReadOnlyList<Guid> Consensus, IReadOnlyList<Guid> Divisive,
    IReadOnlyList<PointView> Points, IReadOnlyList<MapStatementView> Statements, int Votes, DateTimeOffset ComputedAt)
{
    public static OpinionMapView Of(OpinionMapReading reading)
    {
        var result = reading.Snapshot.Result;
        return new(
            result.Participants,
            [.. result.Groups.Select(g => new GroupView(g.Id, g.Size, [.. g.Representative.Select(r => new RepresentativeView(Guid.Parse(r.StatementId), r.Agree, r.Disagree))]))],
            [.. result.Consensus.Select(Guid.Parse)],
            [.. result.Divisive.Select(Guid.Parse)],
            [.. result.Points.Select(p => new PointView(Math.Round(p.X, 4), Math.Round(p.Y, 4), p.GroupId, p.ParticipantKey == reading.OwnKey))
                .OrderBy(p => p.X).ThenBy(p => p.Y).ThenBy(p => p.Group).ThenBy(p => p.Own)],
            [.. reading.Snapshot.StatementIds.Where(reading.Texts.ContainsKey).Select(id => new MapStatementView(Guid.Parse(id), reading.Texts[id]))],
            reading.Snapshot.Votes,
            reading.Snapshot.ComputedAt);
    }
}
