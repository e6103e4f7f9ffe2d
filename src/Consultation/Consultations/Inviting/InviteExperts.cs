using Marten;
using Nq45Consult.Consultation.Accounts;

namespace Nq45Consult.Consultation.Consultations.Inviting;

/// <summary>
/// Invite experts by user name; names already invited are ignored, names without an account are refused.
/// <see cref="FromRegistry"/>: accounts the expert registry found by field, association or saved filter — not
/// typed by anyone, so not bounded by <see cref="MaxNamesPerCall"/>; the caller keeps only those with an account.
/// </summary>
public sealed record InviteExperts(Guid ConsultationId, IReadOnlyList<string>? UserNames, Caller Caller, IReadOnlyList<string>? FromRegistry = null)
{
    public const int MaxNamesPerCall = 500;
    public const int MaxNameLength = 64;

    /// <summary>The trimmed names as sent, for looking up which of them have an account.</summary>
    public IReadOnlyList<string> Names => (UserNames ?? []).Select(n => n?.Trim() ?? "").ToList();

    /// <param name="accounts">The user names, among <see cref="Names"/>, that belong to an account (any case).</param>
    public static Decision Decide(ConsultationState state, InviteExperts command, IReadOnlySet<string> accounts, DateTimeOffset now)
    {
        if (state.Status is not (ConsultationStatus.Draft or ConsultationStatus.Open))
            return Decision.Conflict(DomainText.InvitationsConsultationClosed);
        var names = command.Names;
        var found = command.FromRegistry ?? [];
        if ((names.Count == 0 && found.Count == 0) || names.Count > MaxNamesPerCall)
            return Decision.Invalid("userNames", DomainText.UserNamesCount(MaxNamesPerCall));
        var bad = names.FirstOrDefault(n => n.Length is 0 or > MaxNameLength || !n.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'));
        if (bad is not null)
            return Decision.Invalid("userNames", DomainText.UserNameInvalidValue(bad));
        var unknown = names.Where(n => !accounts.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
            return Decision.Invalid("userNames", DomainText.UserNamesUnknown(string.Join(", ", unknown)));
        var added = names.Concat(found).Distinct(StringComparer.OrdinalIgnoreCase).Where(n => !state.Invited.Contains(n)).ToList();
        return added.Count == 0 ? Decision.Accept() : Decision.Accept(new ExpertsInvited(state.Id, added, command.Caller.UserName, now));
    }
}

/// <summary>
/// Looks up which of the typed names have an account and keeps only the registry's names that have one (a profile
/// may name an account that was never created), then lets <see cref="InviteExperts"/> decide.
/// </summary>
public sealed class InviteExpertsHandler(IDocumentStore store, ConsultationStream stream)
{
    public async Task<CommandOutcome> Handle(InviteExperts command, CancellationToken cancellation)
    {
        var accounts = await ExistingAccounts(command.Names.Take(InviteExperts.MaxNamesPerCall + 1).ToList(), cancellation);
        if (command.FromRegistry is { Count: > 0 } found)
            command = command with { FromRegistry = [.. await ExistingAccounts(found, cancellation)] };
        return await stream.Append(command.ConsultationId, (state, now) => InviteExperts.Decide(state, command, accounts, now), cancellation);
    }

    /// <summary>The given names that belong to an account, matched as sign-in matches them (normalized).</summary>
    private async Task<IReadOnlySet<string>> ExistingAccounts(IReadOnlyList<string> names, CancellationToken cancellation)
    {
        var normalized = names.Select(Account.Normalize).Distinct().ToArray();
        await using var query = store.QuerySession();
        var found = (await query.Query<Account>().Where(a => normalized.Contains(a.NormalizedUserName)).Select(a => a.NormalizedUserName).ToListAsync(cancellation)).ToHashSet();
        return names.Where(n => found.Contains(Account.Normalize(n))).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
