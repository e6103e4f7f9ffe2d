using Nq45Consult.Consultation.Dialogue;

namespace Nq45Consult.Consultation.Tests.Dialogue;

/// <summary>Builds session states for the decision tests by folding events, as the store does.</summary>
internal static class ARoom
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    public static readonly DialogueOptions Options = new();
    public static readonly Caller Moderator = new("moderator", "Điều phối viên", new HashSet<Role> { Role.Moderator });
    public static readonly Caller Official = new("official", "Cán bộ soạn thảo", new HashSet<Role> { Role.Official });
    public static readonly Caller Expert = new("expert1", "PGS.TS. An", new HashSet<Role> { Role.Expert });
    public static readonly Caller OtherExpert = new("expert2", "TS. Bình", new HashSet<Role> { Role.Expert });

    public static DialogueSession Scheduled(bool preModeration = false, IReadOnlyList<string>? agenda = null) =>
        DialogueSession.Create(new SessionScheduled(
            Guid.CreateVersion7(), Guid.CreateVersion7(), "Hội nghị phản biện", Now, agenda ?? [], preModeration, "moderator", Now));

    public static DialogueSession Live(bool preModeration = false, IReadOnlyList<string>? agenda = null)
    {
        var s = Scheduled(preModeration, agenda);
        return s.Apply(new SessionStarted(s.Id, "moderator", Now));
    }

    public static DialogueSession Ended() { var s = Live(); return s.Apply(new SessionEnded(s.Id, "moderator", Now)); }

    public static DialogueSession With(this DialogueSession s, Decision decision)
    {
        Assert.True(decision.Accepted, decision.Reason);
        return decision.Events.Aggregate(s, (state, e) => state.Apply(e));
    }

    public static T Single<T>(Decision decision)
    {
        Assert.True(decision.Accepted, decision.Reason);
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    public static void Refused(Refusal refusal, Decision decision)
    {
        Assert.Equal(refusal, decision.Refusal);
        Assert.Empty(decision.Events);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }
}
