namespace Nq45Consult.Consultation.Feedback;

/// <summary>An exact passage of a section's text; <see cref="Start"/>/<see cref="End"/> are UTF-16 offsets, as in the browser.</summary>
public sealed record Quote(string Text, int Start, int End);

/// <summary>A source the expert cites: a title and an http(s) address.</summary>
public sealed record Reference(string Title, string Url);

/// <summary>
/// Who wrote an item, as they were presented when they wrote it; kept in the event so later profile
/// edits do not rewrite history. Title, degree and organisation come from expert profiles when they exist.
/// <see cref="NameWithheld"/>: the author's profile does not (or no longer) consent to appearing by name.
/// </summary>
public sealed record AuthorSnapshot(
    string UserName,
    string DisplayName,
    string? AcademicTitle = null,
    string? Degree = null,
    string? Organisation = null,
    IReadOnlyList<string>? Fields = null,
    bool NameWithheld = false)
{
    /// <summary>The author as they are when they write: their name, and what their expert profile (if any) adds.</summary>
    public static AuthorSnapshot Of(Caller author, AuthorProfile? profile) =>
        new(author.UserName, author.DisplayName, profile?.AcademicTitle, profile?.Degree, profile?.Organisation, profile?.Fields, profile is { AppearsByName: false });

    /// <summary>The name the public, officials and reports read: the person's, or "Chuyên gia (lĩnh vực …)" without consent.</summary>
    public string PublicName => NameWithheld ? UnnamedExpert(Fields) : DisplayName;

    /// <summary>How an expert who has not consented to appear by name is presented: by their fields, never by anything that identifies them.</summary>
    public static string UnnamedExpert(IReadOnlyList<string>? fields) =>
        fields is { Count: > 0 } ? $"Chuyên gia (lĩnh vực {string.Join(", ", fields)})" : "Chuyên gia";
}

/// <summary>
/// What an expert's profile adds to their author snapshot (abbreviations as printed: "PGS", "TS"). <see cref="Association"/>,
/// the member association's name, is only read where members are counted in aggregate (the opinion map's group profiles):
/// the author snapshot never carries it.
/// </summary>
public sealed record AuthorProfile(string? AcademicTitle, string? Degree, string? Organisation, IReadOnlyList<string>? Fields, bool AppearsByName = true, string? Association = null);

/// <summary>Looks up authors' profiles at submit time, a batch of submissions' authors in one read; the expert registry provides it.</summary>
public interface IAuthorProfiles
{
    /// <summary>
    /// The profiles of those of <paramref name="userNames"/> who have one, keyed by user name (case-insensitive), with the
    /// name of their member association.
    /// </summary>
    Task<IReadOnlyDictionary<string, AuthorProfile>> Find(Marten.IQuerySession session, IReadOnlyCollection<string> userNames, CancellationToken cancellation);

    /// <summary>
    /// The same, read as part of <paramref name="batch"/> (with the other reads of a transaction, in one round trip);
    /// the task completes once the batch has been executed. Without the association (submissions do not keep it).
    /// </summary>
    Task<IReadOnlyDictionary<string, AuthorProfile>> Find(Marten.Services.BatchQuerying.IBatchedQuery batch, IReadOnlyCollection<string> userNames);
}
