using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Consultations.Inviting;
using Nq45Consult.Consultation.Experts.Profiles;

namespace Nq45Consult.Consultation.Invitations.Inviting;

/// <summary>
/// Invite people by e-mail address and/or registry profile, to a consultation or one of its live sessions. People who
/// already have an account (an address or a profile of theirs) get the usual invitation (<see cref="ExpertsInvited"/>
/// and its notification); the others are queued in one batch (<see cref="InvitationsQueued"/>), each to get an e-mail
/// with a single-use link. Someone with an invitation still waiting for them is not invited twice (resend it instead).
/// </summary>
/// <param name="Language">The language of the request, the e-mails' (their addresses have no account to choose one).</param>
public sealed record InviteByEmail(
    Guid ConsultationId, Guid? SessionId, IReadOnlyList<string>? Emails, IReadOnlyList<Guid>? ProfileIds, Caller Caller, string? Language = null)
{
    /// <summary>What the store knows about the people named.</summary>
    /// <param name="Profiles">The named profiles that exist, by id.</param>
    /// <param name="Accounts">User names by (normalized) e-mail address: accounts, and profiles that belong to one.</param>
    /// <param name="Unclaimed">Profiles without an account by e-mail address: a typed address of a registry member links to their profile.</param>
    /// <param name="Waiting">Addresses with an invitation to the same target still waiting (sent or queued).</param>
    public sealed record Known(
        IReadOnlyDictionary<Guid, ExpertProfile> Profiles, IReadOnlyDictionary<string, string> Accounts,
        IReadOnlyDictionary<string, ExpertProfile> Unclaimed, IReadOnlySet<string> Waiting);

    public IReadOnlyList<string> Addresses => (Emails ?? []).Select(e => EmailInvitation.Normalize(e ?? "")).ToList();

    public static Decision Decide(ConsultationState state, InviteByEmail command, Known known, int maxPerRequest, Guid batchId, DateTimeOffset now)
    {
        if (state.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Decision.Conflict(DomainText.InvitationsConsultationClosed);
        var emails = command.Addresses;
        var ids = command.ProfileIds ?? [];
        var field = emails.Count > 0 ? "emails" : "profileIds";
        if (emails.Count + ids.Count == 0)
            return Decision.Invalid(field, DomainText.InvitationsNeedAddressOrProfile);
        if (emails.Count + ids.Count > maxPerRequest)
            return Decision.Invalid(field, DomainText.InvitationsTooMany(maxPerRequest));
        if (emails.FirstOrDefault(e => !EmailAddress.IsValid(e)) is { } bad)
            return Decision.Invalid("emails", DomainText.InvalidEmailAddress(bad));
        var unknown = ids.Where(id => !known.Profiles.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            return Decision.Invalid("profileIds", DomainText.InvitationsUnknownProfiles(string.Join(", ", unknown.Take(5)), (unknown.Count > 5 ? "…" : "")));

        var accounts = new List<string>();
        var invitees = new List<Invitee>();
        var seen = new HashSet<string>();
        int withoutAddress = 0, waiting = 0;
        foreach (var profile in ids.Distinct().Select(id => known.Profiles[id]))
        {
            if (profile.UserName is { } userName) accounts.Add(userName);
            else if (profile.Email?.Trim() is { } email && EmailAddress.IsValid(email)) Add(EmailInvitation.Normalize(email), profile);
            else withoutAddress++;
        }
        foreach (var email in emails) Add(email, known.Unclaimed.GetValueOrDefault(email));

        void Add(string email, ExpertProfile? profile)
        {
            if (!seen.Add(email)) return;
            if (known.Accounts.TryGetValue(email, out var userName)) accounts.Add(userName);
            else if (known.Waiting.Contains(email)) waiting++;
            else invitees.Add(new Invitee(email, profile?.FullName, profile?.Id));
        }

        var events = new List<object>();
        if (accounts.Count > 0)
            events.AddRange(InviteExperts.Decide(state, new InviteExperts(state.Id, [], command.Caller, accounts), new HashSet<string>(), now).Events);
        if (invitees.Count > 0)
            events.Add(new InvitationsQueued(batchId, state.Id, command.SessionId, invitees, now, command.Caller.UserName, command.Language));
        var warnings = new List<string>();
        if (withoutAddress > 0) warnings.Add(DomainText.InvitationsWithoutAddress(withoutAddress));
        if (waiting > 0) warnings.Add(DomainText.InvitationsAlreadyWaiting(waiting));
        return Decision.Accept([.. events]).WithWarnings(warnings);
    }
}

/// <summary>
/// Reads what <see cref="InviteByEmail.Decide"/> needs, then in one transaction: the consultation's invitation of the
/// account holders, the batch, and its first chunk of invitations with their e-mails (the rest follow in the background).
/// </summary>
public sealed class InviteByEmailHandler(IDocumentStore store, TimeProvider time, IOptions<InvitationOptions> options, InvitationSender sender)
{
    public async Task<CommandOutcome> Handle(InviteByEmail command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        // Read, not held (as accepting an invitation does): a name invited twice by two moderators at once is harmless.
        var consultation = await session.Events.AggregateStreamAsync<ConsultationState>(command.ConsultationId, token: cancellation);
        if (consultation is null) return CommandOutcome.NotFound;
        var known = await Read(session, command, cancellation);
        var decision = InviteByEmail.Decide(consultation, command, known, options.Value.MaxPerRequest, Guid.CreateVersion7(), time.GetUtcNow());
        if (!decision.Accepted) return new(decision, null);
        if (decision.Events.OfType<ExpertsInvited>().SingleOrDefault() is { } invited) session.Events.Append(command.ConsultationId, invited);
        if (decision.Events.OfType<InvitationsQueued>().SingleOrDefault() is { } queued)
        {
            var batch = InvitationBatchProjection.Create(queued);
            session.Events.StartStream<InvitationBatch>(queued.BatchId, [queued, .. (await sender.Send(session, batch, cancellation)).OfType<InvitationChunkSent>()]);
        }
        await session.SaveChangesAsync(cancellation);
        return new(decision, await session.LoadAsync<ConsultationDetails>(command.ConsultationId, cancellation));
    }

    private static async Task<InviteByEmail.Known> Read(IDocumentSession session, InviteByEmail command, CancellationToken cancellation)
    {
        var ids = (command.ProfileIds ?? []).Distinct().ToArray();
        var profiles = ids.Length == 0 ? [] : (await session.LoadManyAsync<ExpertProfile>(cancellation, ids)).ToDictionary(p => p.Id);
        var typed = command.Addresses.Where(EmailAddress.IsValid).Distinct().ToArray();
        var addresses = typed.Concat(profiles.Values.Where(p => p.UserName is null && p.Email is not null).Select(p => EmailInvitation.Normalize(p.Email!)))
            .Distinct().ToArray();

        var accounts = new Dictionary<string, string>();
        if (addresses.Length > 0)
        {
            // Addresses are kept in lower case by accounts and profiles alike.
            foreach (var account in await session.Query<Account>().Where(a => a.Email != null && a.Email.IsOneOf(addresses))
                         .Select(a => new { a.Email, a.UserName }).ToListAsync(cancellation))
                accounts.TryAdd(EmailInvitation.Normalize(account.Email!), account.UserName);
        }
        var unclaimed = new Dictionary<string, ExpertProfile>();
        if (typed.Length > 0)
        {
            foreach (var profile in await session.Query<ExpertProfile>().Where(p => p.Details.Email != null && p.Details.Email.IsOneOf(typed))
                         .ToListAsync(cancellation))
            {
                var email = EmailInvitation.Normalize(profile.Email!);
                if (profile.UserName is { } userName) accounts.TryAdd(email, userName);
                else unclaimed.TryAdd(email, profile);
            }
        }

        var waiting = (await session.Query<EmailInvitation>()
                .Where(i => i.ConsultationId == command.ConsultationId && i.AcceptedAt == null && i.RevokedAt == null)
                .Select(i => new { i.Email, i.SessionId }).ToListAsync(cancellation))
            .Where(i => i.SessionId == command.SessionId).Select(i => i.Email).ToHashSet();
        foreach (var batch in await session.Query<InvitationBatch>()
                     .Where(b => b.ConsultationId == command.ConsultationId && b.Remaining > 0).ToListAsync(cancellation))
            if (batch.SessionId == command.SessionId) waiting.UnionWith(batch.Invitees.Skip(batch.Sent).Select(i => i.Email));
        return new(profiles, accounts, unclaimed, waiting);
    }
}
