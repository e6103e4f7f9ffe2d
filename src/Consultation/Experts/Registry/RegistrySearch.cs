using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.SavedFilters;

namespace Nq45Consult.Consultation.Experts.Registry;

/// <summary>The registry as moderators search it: a page of profiles, every match for the export, the accounts an invitation reaches.</summary>
public sealed class RegistrySearch(IDocumentStore store, IOptions<ConsultationOptions> consultation)
{
    /// <summary>The fields a profile or a filter may name.</summary>
    public IReadOnlyList<string> Fields => consultation.Value.AllowedFields;

    public async Task<RegistryPage> Search(RegistryFilter filter, int page, int pageSize, CancellationToken cancellation = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, RegistryFilter.MaxPageSize);
        await using var session = store.QuerySession();
        // Counted apart from the page: a count(*) over() beside the page would make PostgreSQL carry and sort every
        // matching document (13,000 of them for "dich te hoc" in 100,000) instead of keeping only the page's top N.
        var total = await Matching(session, filter).CountAsync(cancellation);
        var items = await Matching(session, filter)
            .OrderBy(x => x.SortName).ThenBy(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellation);
        return new RegistryPage(items, page, pageSize, total);
    }

    /// <summary>Every matching profile in registry order, for the CSV export.</summary>
    public async IAsyncEnumerable<ExpertProfile> All(RegistryFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        await foreach (var profile in Matching(session, filter).OrderBy(x => x.SortName).ThenBy(x => x.Id).ToAsyncEnumerable(cancellation))
            yield return profile;
    }

    internal static IQueryable<ExpertProfile> Matching(IQuerySession session, RegistryFilter filter)
    {
        IQueryable<ExpertProfile> query = session.Query<ExpertProfile>();
        if (filter.Field is { } field) query = query.Where(x => x.Fields.Contains(field));
        if (filter.Degree is { } degree) query = query.Where(x => x.Degree == degree);
        if (filter.Title is { } title) query = query.Where(x => x.AcademicTitle == title);
        if (filter.Association is { } association) query = query.Where(x => x.AssociationId == association);
        if (filter.InProvince is { } inProvince) query = query.Where(x => x.InProvince == inProvince);
        foreach (var word in filter.Words) query = query.Where(x => x.SearchText.Contains(word));
        return query;
    }

    /// <summary>
    /// Accounts whose profile names one of the fields, belongs to one of the associations (id or name) or matches one
    /// of the saved filters (id or name): whom an invitation from the registry reaches. Unknown fields, associations or
    /// filters, or nobody matching, refuse the invitation, naming the part at fault.
    /// </summary>
    public async Task<(IReadOnlyList<string> UserNames, Decision? Refusal)> Invitees(
        IReadOnlyList<string> fields, IReadOnlyList<string> associations, IReadOnlyList<string> savedFilters, CancellationToken cancellation = default)
    {
        var filters = new List<RegistryFilter>();
        foreach (var field in fields)
        {
            var known = Fields.FirstOrDefault(f => string.Equals(f, field?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null) return ([], Decision.Invalid("fields", DomainText.FieldNotInList(field)));
            filters.Add(new RegistryFilter(Field: known));
        }
        await using var session = store.QuerySession();
        var knownAssociations = await AssociationQueries.All(session, cancellation);
        foreach (var name in associations)
        {
            if (Named(knownAssociations, name) is not { } match) return ([], Decision.Invalid("associations", DomainText.AssociationNotFoundNamed(name)));
            filters.Add(new RegistryFilter(Association: match.Id));
        }
        var knownFilters = (await SavedFilterQueries.All(session, cancellation)).Where(f => !f.Retired).ToList();
        foreach (var name in savedFilters)
        {
            if (Named(knownFilters, name) is not { } match) return ([], Decision.Invalid("savedFilters", DomainText.SavedFilterNotFoundNamed(name)));
            filters.Add(match.Filter);
        }
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var filter in filters)
            found.UnionWith(await Matching(session, filter).Where(x => x.NormalizedUserName != null).Select(x => x.UserName!).ToListAsync(cancellation));
        var atFault = fields.Count > 0 ? "fields" : associations.Count > 0 ? "associations" : "savedFilters";
        return found.Count == 0
            ? ([], Decision.Invalid(atFault, DomainText.RegistryNoMatchingExperts))
            : ([.. found], null);
    }

    private static T? Named<T>(IEnumerable<T> entries, string? name) where T : class, IManagedListEntry =>
        entries.FirstOrDefault(e => e.Id.ToString() == name?.Trim() || e.NormalizedName == MemberAssociation.Normalize(name ?? ""));
}
