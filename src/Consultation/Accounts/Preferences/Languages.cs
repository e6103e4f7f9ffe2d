namespace Nq45Consult.Consultation.Accounts.Preferences;

/// <summary>
/// The languages a person can read the platform in, as two-letter codes. Vietnamese is the site's default: an account
/// that never chose one, and an address without an account, are written to in it.
/// </summary>
public static class Languages
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string SiteDefault = Vietnamese;

    public static readonly IReadOnlyList<string> All = [Vietnamese, English];

    /// <summary>The language to write to a person in: the one they chose, else the site's default.</summary>
    public static string Of(string? chosen) => chosen is not null && All.Contains(chosen) ? chosen : SiteDefault;

    /// <summary>
    /// The language of an e-mail: the one the account's person chose, else the one of the request that caused it (the
    /// page or API call's culture), else the site's default.
    /// </summary>
    public static string For(string? chosen, string? requested) =>
        chosen is not null && All.Contains(chosen) ? chosen : Of(requested);

    public static bool IsEnglish(string? language) => Of(language) == English;
}
