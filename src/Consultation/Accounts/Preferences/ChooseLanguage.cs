using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Consultation.Accounts.Preferences;

/// <summary>The person chooses the language of their notifications and e-mails (<see cref="Languages"/>).</summary>
public sealed record ChooseLanguage(Guid AccountId, string? Language)
{
    public static Decision Decide(Account account, ChooseLanguage command, DateTimeOffset now)
    {
        var language = command.Language?.Trim().ToLowerInvariant();
        if (language is null || !Languages.All.Contains(language))
            return Decision.Invalid("language", DomainText.LanguageMustBeOneOf(string.Join(", ", Languages.All)));
        return language == account.Language ? Decision.Nothing : Decision.Accept(new AccountLanguageChosen(account.Id, language, now));
    }
}

/// <summary>Records the choice on the account's stream, one attempt at a time like every change the person makes to it.</summary>
public sealed class ChooseLanguageHandler(Marten.IDocumentStore store, TimeProvider time)
{
    /// <summary>Null when the account does not exist.</summary>
    public Task<Decision?> Handle(ChooseLanguage command, CancellationToken cancellation) =>
        AccountAttempts.RecordAsync(store, command.AccountId, stream =>
        {
            if (stream.Aggregate is not { } account) return null;
            var decision = ChooseLanguage.Decide(account, command, time.GetUtcNow());
            stream.AppendMany(decision.Events);
            return (Decision?)decision;
        }, cancellation);
}
