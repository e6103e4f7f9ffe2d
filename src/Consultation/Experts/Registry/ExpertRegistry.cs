using Marten;
using Marten.Linq;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.SavedFilters;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Consultation.Experts.Registry;

/// <summary>A command's result: not found, refused (the decision says why) or the profile as it now stands.</summary>
public sealed record ProfileOutcome(Decision? Decision, ExpertProfile? Profile)
{
    public static readonly ProfileOutcome NotFound = new(null, null);
}

/// <summary>Profiles, associations and declarations against the event store; the rules live in the decide functions.</summary>
public sealed class ExpertRegistry(IDocumentStore store, TimeProvider time, IOptions<ConsultationOptions> consultation)
{
    public IReadOnlyList<string> Fields => consultation.Value.AllowedFields;

    public async Task<ExpertProfile?> ByUserName(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await ByUserName(session, userName, cancellation);
    }

    public async Task<ExpertProfile?> Find(Guid id, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ExpertProfile>(id, cancellation);
    }

    /// <summary>The person's own profile, created on first save.</summary>
    public async Task<ProfileOutcome> SaveOwn(string userName, ProfileInput input, ProfileConsent? consent, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var current = await ByUserName(session, userName, cancellation);
        return await Save(session, current, userName, input, consent, userName, cancellation);
    }

    /// <summary>A moderator creates a profile for a member, optionally linked to an account that has none yet.</summary>
    public async Task<ProfileOutcome> Create(string? userName, ProfileInput input, ProfileConsent? consent, string by, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        if (!string.IsNullOrWhiteSpace(userName) && await ByUserName(session, userName, cancellation) is not null)
            return new(Decision.Invalid("userName", $"Tài khoản \"{userName}\" đã có hồ sơ."), null);
        return await Save(session, null, string.IsNullOrWhiteSpace(userName) ? null : userName, input, consent, by, cancellation);
    }

    public async Task<ProfileOutcome> Edit(Guid id, ProfileInput input, ProfileConsent? consent, string by, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var current = await session.LoadAsync<ExpertProfile>(id, cancellation);
        return current is null ? ProfileOutcome.NotFound : await Save(session, current, current.UserName, input, consent, by, cancellation);
    }

    private async Task<ProfileOutcome> Save(
        IDocumentSession session, ExpertProfile? current, string? userName, ProfileInput input, ProfileConsent? consent, string by, CancellationToken cancellation)
    {
        var open = await OpenAssociationIds(session, cancellation);
        var (details, errors) = input.KeepingContact(current?.Details).Validate(Fields, open.Contains);
        if (details is null) return new(Decision.Invalid(errors), null);
        var id = current?.Id ?? Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var events = SaveProfile.Decide(current, new SaveProfile(id, userName, null, details, consent, by), now);
        if (events.Count > 0)
        {
            if (current is null) session.Events.StartStream<ExpertProfile>(id, events);
            else (await session.Events.FetchForWriting<ExpertProfile>(id, cancellation)).AppendMany(events);
            await PresentFeedbackAsConsented(session, current, userName, events, by, now, cancellation);
            await session.SaveChangesAsync(cancellation);
        }
        return new(Decision.Accept([.. events]), await session.LoadAsync<ExpertProfile>(id, cancellation));
    }

    /// <summary>
    /// When consent to appear by name is given or withdrawn, every item the person wrote is presented accordingly
    /// from now on, in the same transaction (an account without a profile was named, as it signed its items).
    /// </summary>
    private async Task PresentFeedbackAsConsented(
        IDocumentSession session, ExpertProfile? current, string? userName, IReadOnlyList<object> events, string by, DateTimeOffset now,
        CancellationToken cancellation)
    {
        if (userName is null) return;
        var consent = events.OfType<ExpertConsentRecorded>().LastOrDefault()?.Consent ?? current?.Consent ?? new ProfileConsent(false, false);
        var appears = consent.ToAppearByName;
        if (appears == (current?.AppearsByName ?? true)) return;
        var normalized = ExpertProfile.Normalize(userName);
        var items = await session.Query<FeedbackItem>()
            .Where(x => x.AuthorUserName == normalized && x.Author.NameWithheld == appears)
            .Select(x => x.Id).ToListAsync(cancellation);
        // Fetched for writing so each item's document gets its new stream version (the author's next If-Match).
        foreach (var item in items)
            (await session.Events.FetchForWriting<FeedbackState>(item, cancellation)).AppendOne(new AuthorNameConsentChanged(item, appears, by, now));
    }

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

    private static IQueryable<ExpertProfile> Matching(IQuerySession session, RegistryFilter filter)
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
            if (known is null) return ([], Decision.Invalid("fields", $"Lĩnh vực không có trong danh sách: \"{field}\"."));
            filters.Add(new RegistryFilter(Field: known));
        }
        await using var session = store.QuerySession();
        var knownAssociations = await AllAssociations(session, cancellation);
        foreach (var name in associations)
        {
            if (Named(knownAssociations, name) is not { } match) return ([], Decision.Invalid("associations", $"Không có hội thành viên \"{name}\"."));
            filters.Add(new RegistryFilter(Association: match.Id));
        }
        var knownFilters = (await AllSavedFilters(session, cancellation)).Where(f => !f.Retired).ToList();
        foreach (var name in savedFilters)
        {
            if (Named(knownFilters, name) is not { } match) return ([], Decision.Invalid("savedFilters", $"Không có bộ lọc đã lưu \"{name}\"."));
            filters.Add(match.Filter);
        }
        var found = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var filter in filters)
            found.UnionWith(await Matching(session, filter).Where(x => x.NormalizedUserName != null).Select(x => x.UserName!).ToListAsync(cancellation));
        var atFault = fields.Count > 0 ? "fields" : associations.Count > 0 ? "associations" : "savedFilters";
        return found.Count == 0
            ? ([], Decision.Invalid(atFault, "Không có chuyên gia nào (có tài khoản) trong danh sách phù hợp."))
            : ([.. found], null);
    }

    private static T? Named<T>(IEnumerable<T> entries, string? name) where T : class, IManagedListEntry =>
        entries.FirstOrDefault(e => e.Id.ToString() == name?.Trim() || e.NormalizedName == MemberAssociation.Normalize(name ?? ""));

    public async Task<IReadOnlyList<MemberAssociation>> Associations(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await AllAssociations(session, cancellation);
    }

    /// <summary>Adds, renames or retires an association (<paramref name="id"/> null adds one).</summary>
    public Task<(Decision? Decision, MemberAssociation? Association)> ChangeAssociation(
        Guid? id, Func<MemberAssociation?, IReadOnlyList<MemberAssociation>, DateTimeOffset, Decision> decide, CancellationToken cancellation = default) =>
        ChangeList(id, AllAssociations, decide, d => d.Events.OfType<AssociationAdded>().FirstOrDefault()?.AssociationId, cancellation);

    public async Task<IReadOnlyList<SavedFilter>> SavedFilters(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await AllSavedFilters(session, cancellation);
    }

    /// <summary>Saves a filter under a name (<paramref name="id"/> null) or retires one.</summary>
    public Task<(Decision? Decision, SavedFilter? Filter)> ChangeSavedFilter(
        Guid? id, Func<SavedFilter?, IReadOnlyList<SavedFilter>, DateTimeOffset, Decision> decide, CancellationToken cancellation = default) =>
        ChangeList(id, AllSavedFilters, decide, d => d.Events.OfType<RegistryFilterSaved>().FirstOrDefault()?.FilterId, cancellation);

    /// <summary>
    /// Runs a decision on an entry of a managed list against the whole list (names are unique);
    /// <paramref name="id"/> null starts a new entry, whose id <paramref name="startedId"/> reads from the decision.
    /// </summary>
    private async Task<(Decision? Decision, T? Entry)> ChangeList<T>(
        Guid? id, Func<IQuerySession, CancellationToken, Task<IReadOnlyList<T>>> list, Func<T?, IReadOnlyList<T>, DateTimeOffset, Decision> decide,
        Func<Decision, Guid?> startedId, CancellationToken cancellation) where T : class, IManagedListEntry
    {
        await using var session = store.LightweightSession();
        var all = await list(session, cancellation);
        var current = id is { } existing ? all.FirstOrDefault(a => a.Id == existing) : null;
        if (id is not null && current is null) return (null, null);
        var decision = decide(current, all, time.GetUtcNow());
        if (!decision.Accepted) return (decision, null);
        var streamId = startedId(decision) ?? current!.Id;
        if (decision.Events.Count > 0)
        {
            if (current is null) session.Events.StartStream<T>(streamId, decision.Events);
            else (await session.Events.FetchForWriting<T>(streamId, cancellation)).AppendMany(decision.Events);
            await session.SaveChangesAsync(cancellation);
        }
        return (decision, await session.LoadAsync<T>(streamId, cancellation));
    }

    public async Task<Decision?> DeclareInterests(DeclareInterests command, CancellationToken cancellation = default)
    {
        await using var session = store.LightweightSession();
        var found = await session.LoadAsync<ConsultationDetails>(command.ConsultationId, cancellation);
        if (found is null) return null;
        var decision = Interests.DeclareInterests.Decide(found, command, time.GetUtcNow());
        if (!decision.Accepted) return decision;
        var declared = (InterestsDeclared)decision.Events[0];
        session.Events.Append(declared.DeclarationId, declared);
        await session.SaveChangesAsync(cancellation);
        return decision;
    }

    public async Task<IReadOnlyList<InterestDeclaration>> Declarations(Guid consultationId, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<InterestDeclaration>().Where(d => d.ConsultationId == consultationId).OrderBy(d => d.DeclaredAt).ToListAsync(cancellation);
    }

    public async Task<InterestDeclaration?> Declaration(Guid consultationId, string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<InterestDeclaration>(InterestDeclaration.IdOf(consultationId, userName), cancellation);
    }

    /// <summary>For each expert with an account: consultations invited to, feedback items given and consultations answered.</summary>
    public async Task<IReadOnlyList<Participation>> Participation(CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var profiles = await session.Query<ExpertProfile>().Where(x => x.NormalizedUserName != null).ToListAsync(cancellation);
        var consultations = await session.Query<ConsultationDetails>().ToListAsync(cancellation);
        var feedback = await session.Query<FeedbackItem>().Select(x => new AuthoredItem(x.AuthorUserName, x.ConsultationId)).ToListAsync(cancellation);
        var byAuthor = feedback.ToLookup(f => f.AuthorUserName);
        return [.. profiles.OrderBy(p => p.SortName).Select(p => new Participation(
            p.Id, p.UserName!, p.TitledName,
            consultations.Count(c => c.InvitedExperts.Contains(p.UserName!, StringComparer.OrdinalIgnoreCase)),
            byAuthor[p.NormalizedUserName!].Count(),
            byAuthor[p.NormalizedUserName!].Select(f => f.ConsultationId).Distinct().Count()))];
    }

    /// <summary>Everything held about a person: profile, its full history (consents with their times), declarations and feedback.</summary>
    public async Task<PersonalData> Export(string userName, CancellationToken cancellation = default)
    {
        await using var session = store.QuerySession();
        var profile = await ByUserName(session, userName, cancellation);
        var history = profile is null ? [] : (await session.Events.FetchStreamAsync(profile.Id, token: cancellation))
            .Select(e => new PersonalDataEvent(e.EventTypeName, e.Timestamp, e.Data)).ToList();
        var normalized = userName.Trim().ToUpperInvariant();
        var declarations = await session.Query<InterestDeclaration>().Where(d => d.NormalizedUserName == normalized).ToListAsync(cancellation);
        var feedback = await session.Query<FeedbackItem>().Where(x => x.AuthorUserName == normalized).ToListAsync(cancellation);
        return new PersonalData(userName, time.GetUtcNow(), profile, history, declarations, feedback);
    }

    internal static Task<ExpertProfile?> ByUserName(IQuerySession session, string userName, CancellationToken cancellation)
    {
        var normalized = ExpertProfile.Normalize(userName);
        return session.Query<ExpertProfile>().SingleOrDefaultAsync(x => x.NormalizedUserName == normalized, cancellation);
    }

    internal static async Task<IReadOnlyList<MemberAssociation>> AllAssociations(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<MemberAssociation>().OrderBy(a => a.NormalizedName).ToListAsync(cancellation);

    private static async Task<IReadOnlyList<SavedFilter>> AllSavedFilters(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<SavedFilter>().OrderBy(f => f.NormalizedName).ToListAsync(cancellation);

    internal static async Task<HashSet<Guid>> OpenAssociationIds(IQuerySession session, CancellationToken cancellation) =>
        [.. (await AllAssociations(session, cancellation)).Where(a => !a.Retired).Select(a => a.Id)];

    private sealed record AuthoredItem(string AuthorUserName, Guid ConsultationId);
}

public sealed record Participation(Guid ProfileId, string UserName, string Name, int ConsultationsInvited, int FeedbackGiven, int ConsultationsWithFeedback);

public sealed record PersonalDataEvent(string Type, DateTimeOffset At, object Data);

public sealed record PersonalData(
    string UserName, DateTimeOffset ExportedAt, ExpertProfile? Profile, IReadOnlyList<PersonalDataEvent> ProfileHistory,
    IReadOnlyList<InterestDeclaration> InterestDeclarations, IReadOnlyList<FeedbackItem> Feedback);
