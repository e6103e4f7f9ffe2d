namespace Nq45Consult.Consultation.OpinionMap;

/// <summary>
/// A map as a reader may see it: the snapshot, the texts of its statements, and which point is the reader's own
/// (<see cref="OwnKey"/>, null for anyone who has not voted). Nothing here names a participant to anyone else.
/// </summary>
public sealed record OpinionMapReading(OpinionMapSnapshot Snapshot, IReadOnlyDictionary<string, string> Texts, string? OwnKey)
{
    /// <summary>The participant key of a user name, as <see cref="Mapping.OpinionMapComputation"/> builds it.</summary>
    public static string KeyOf(string userName) => userName.ToUpperInvariant();
}
