using Marten;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Administering;
using Nq45Consult.Consultation.Accounts.OneTimeLinks;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Notifications;

namespace Nq45Consult.Consultation.Onboarding.SigningUp;

/// <summary>Anyone asks for an account, as typed on the sign-up form or sent to <c>POST /api/auth/signup</c>.</summary>
/// <param name="Language">The language of the request (its page or API call), which its e-mails are written in.</param>
/// <param name="Association">A member association, by id or by name (any case, with or without diacritics).</param>
public sealed record RequestSignUp(
    string? UserName, string? Email, string? Password, string? FullName, string? AcademicTitle, string? Degree,
    IReadOnlyList<string>? Fields, string? Organization, string? Association, bool? InProvince, string? Language = null)
{
    /// <summary>What the request is checked against, read before deciding.</summary>
    public sealed record Context(IReadOnlyList<string> AllowedFields, IReadOnlyList<MemberAssociation> Associations, bool UserNameTaken, bool EmailTaken);

    /// <summary>
    /// A request with a user name already taken is refused on <c>userName</c> (unavoidable: the person must choose
    /// another). One with an address already in use is accepted with nothing to append — the handler e-mails that
    /// address's owner instead — so the answer never says whether an address is known.
    /// </summary>
    public static Decision Decide(RequestSignUp command, Context context, Guid id, Func<string, string> hash, DateTimeOffset now, TimeSpan linkLifetime)
    {
        var userName = command.UserName?.Trim() ?? "";
        var email = command.Email?.Trim() ?? "";
        var association = FindAssociation(command.Association, context.Associations);
        var input = new ProfileInput(command.FullName, command.AcademicTitle, string.IsNullOrWhiteSpace(command.Degree) ? "other" : command.Degree,
            command.Fields, null, command.Organization, association?.Id, command.InProvince, email, null);
        var (details, profileErrors) = input.Validate(context.AllowedFields, _ => true);

        var errors = new Dictionary<string, string[]>();
        foreach (var (field, messages) in profileErrors) errors[field == "organisation" ? "organization" : field] = messages;
        if (UserNames.Problem(userName) is { } problem) errors["userName"] = [problem];
        else if (context.UserNameTaken) errors["userName"] = [CreateAccount.DuplicateUserName];
        if (email.Length == 0) errors["email"] = [DomainText.EmailRequired];
        if (Passwords.Weakness(command.Password ?? "", userName) is { } weakness) errors["password"] = [weakness];
        if (!string.IsNullOrWhiteSpace(command.Association) && association is null)
            errors["association"] = [DomainText.AssociationUnknownOrRetired];
        if (command.InProvince is null) errors["inProvince"] = [DomainText.SignUpNeedsProvince];
        if (errors.Count > 0) return Decision.Invalid(errors);
        if (context.EmailTaken) return Decision.Nothing;

        return Decision.Accept(new SignUpRequested(id, userName, details!.Email!, hash(command.Password!), details, association?.Name, now, now + linkLifetime, command.Language));
    }

    private static MemberAssociation? FindAssociation(string? typed, IReadOnlyList<MemberAssociation> associations)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var open = associations.Where(a => !a.Retired);
        return Guid.TryParse(typed, out var id) ? open.FirstOrDefault(a => a.Id == id)
            : open.FirstOrDefault(a => a.NormalizedName == MemberAssociation.Normalize(typed));
    }
}

/// <summary>
/// Starts the request's stream, issues its verification link and queues the e-mail carrying it, in one transaction; or,
/// for an address already in use, queues the e-mail to its owner. Both answer the same to the caller.
/// </summary>
public sealed class RequestSignUpHandler(
    IDocumentStore store, IPasswordHasher hasher, TimeProvider time, AssociationQueries associations, IOptions<OnboardingOptions> options,
    IOptions<ConsultationOptions> consultation)
{
    public async Task<Decision> Handle(RequestSignUp command, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        var userName = command.UserName?.Trim() ?? "";
        var email = SignUp.NormalizeEmail(command.Email ?? "");
        var normalized = Account.Normalize(userName);
        var holders = await session.Query<SignUp>().Where(s => s.NormalizedUserName == normalized || s.Email == email).ToListAsync(cancellation);
        var held = holders.Where(s => s.Holds(now)).ToList();
        var context = new RequestSignUp.Context(
            consultation.Value.AllowedFields,
            await associations.All(cancellation),
            held.Any(s => s.NormalizedUserName == normalized) || await AccountLookup.ExistsAsync(session, userName, cancellation),
            held.Any(s => s.Email == email) || await session.Query<Account>().AnyAsync(a => a.Email == email, cancellation));
        var id = Guid.CreateVersion7();
        var decision = RequestSignUp.Decide(command, context, id, hasher.Hash, now, options.Value.VerificationLinkLifetime);
        if (!decision.Accepted) return decision;

        if (decision.Events.SingleOrDefault() is SignUpRequested requested)
        {
            session.Events.StartStream<SignUp>(id, requested);
            var token = session.Issue(LinkPurpose.EmailVerification, id.ToString(), options.Value.VerificationLinkLifetime, now, requested.UserName);
            NotificationOutbox.AddAddressed(
                session, OnboardingLetters.Verify(requested.Details.FullName, requested.UserName, token), requested.Email, now, command.Language);
        }
        else
        {
            var owner = await session.Query<Account>().Where(a => a.Email == email).FirstOrDefaultAsync(cancellation);
            NotificationOutbox.AddAddressed(session, OnboardingLetters.AddressInUse(), email, now, Languages.For(owner?.Language, command.Language));
        }
        await session.SaveChangesAsync(cancellation);
        return decision;
    }
}
