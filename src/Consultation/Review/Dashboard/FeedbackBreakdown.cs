using Marten;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts;

namespace Nq45Consult.Consultation.Review.Dashboard;

/// <summary>How many public items came from authors of one field of expertise, or of one degree.</summary>
public sealed record BreakdownCount(string Key, string Label, int Feedback);

/// <summary>
/// Feedback by the author's fields of expertise and by degree. An item counts once under each of its author's
/// fields, so <see cref="ByField"/> may add up to more than <see cref="Items"/>; anonymous items count too, since a
/// count names no one.
/// </summary>
public sealed record FeedbackBreakdownData(IReadOnlyList<BreakdownCount> ByField, IReadOnlyList<BreakdownCount> ByDegree, int Items);

/// <summary>
/// Reads the breakdown from the author snapshot each item carries (fields and degree as the author's profile stood
/// when they wrote it, see <see cref="Feedback.AuthorSnapshot"/>), so a later profile edit does not move past feedback
/// to another field and no join over profiles is needed: two SQL aggregates over the consultation's item documents.
/// </summary>
public sealed class FeedbackBreakdown(IQuerySession session)
{
    public const string NoneKey = "none";
    private const string Public = "CAST(d.data ->> 'consultationId' as uuid) = @consultation and d.data ->> 'status' = 'Published'";

    /// <param name="fields">The configured fields of expertise, in the order the charts list them.</param>
    public async Task<FeedbackBreakdownData> Of(Guid consultationId, IReadOnlyList<string> fields, CancellationToken cancellation = default)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_feedbackitem";
        var byField = await Counts($"""
            select coalesce(f.field, ''), count(*) from {table} d
            left join lateral jsonb_array_elements_text(
                case when jsonb_typeof(d.data -> 'author' -> 'fields') = 'array' then d.data -> 'author' -> 'fields' end) f(field) on true
            where {Public} group by 1
            """, consultationId, cancellation);
        var byDegree = await Counts(
            $"select coalesce(d.data -> 'author' ->> 'degree', ''), count(*) from {table} d where {Public} group by 1", consultationId, cancellation);

        var fieldCounts = fields.Select(f => new BreakdownCount(f, f, byField.GetValueOrDefault(f)))
            // A field dropped from the settings since the item was written still shows, after the configured ones.
            .Concat(byField.Keys.Where(k => k.Length > 0 && !fields.Contains(k)).Order().Select(k => new BreakdownCount(k, k, byField[k])))
            .Append(new BreakdownCount(NoneKey, DomainText.BreakdownNoField, byField.GetValueOrDefault("")))
            .ToList();
        // The snapshot holds the degree's abbreviation ("TS", "ĐH"); none for "other" or an author without a profile.
        var perDegree = new Dictionary<Degree, int>();
        var undeclared = 0;
        foreach (var (abbreviation, n) in byDegree)
        {
            if (abbreviation.Length > 0 && ExpertVocabulary.TryParse(abbreviation, out Degree degree)) perDegree[degree] = perDegree.GetValueOrDefault(degree) + n;
            else undeclared += n;
        }
        var degreeCounts = Enum.GetValues<Degree>().Where(d => d != Degree.Other)
            .Select(d => new BreakdownCount(KebabCase.Name(d), ExpertVocabulary.Label(d), perDegree.GetValueOrDefault(d)))
            .Append(new BreakdownCount(NoneKey, DomainText.BreakdownOtherOrNone, undeclared))
            .ToList();
        return new FeedbackBreakdownData(fieldCounts, degreeCounts, byDegree.Values.Sum());
    }

    private async Task<Dictionary<string, int>> Counts(string sql, Guid consultationId, CancellationToken cancellation)
    {
        var command = new Npgsql.NpgsqlCommand(sql) { Parameters = { new("consultation", consultationId) } };
        var counts = new Dictionary<string, int>();
        await using var reader = await session.ExecuteReaderAsync(command, cancellation);
        while (await reader.ReadAsync(cancellation)) counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        return counts;
    }
}
