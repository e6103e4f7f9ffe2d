using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Accounts.ChangingEmail;
using Nq45Consult.Consultation.Accounts.Preferences;
using Nq45Consult.Consultation.Accounts.Querying;
using Nq45Consult.Consultation.Consultations;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Pages.Me;

/// <summary>
/// /me/profile: the person's own expert profile and consents, conflict-of-interest declarations and personal-data
/// download — each form calls the handler its <c>/api/me/...</c> route calls; notification preferences have their page.
/// Anyone signed in reads it and downloads their data; only experts save (as the API's <c>GiveFeedback</c> policy).
/// </summary>
[Authorize]
public sealed class ProfileModel(
    ProfileQueries profiles, SaveOwnProfileHandler save, AssociationQueries associationList, InterestQueries interests,
    DeclareInterestsHandler declare, PersonalDataExport export, ConsultationQueries consultations, IOptions<ConsultationOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IAuthorizationService authorization, IStringLocalizer<SharedResource> texts,
    AccountQueries accounts, ChooseLanguageHandler chooseLanguage, RequestEmailChangeHandler requestEmailChange, IOptions<AuthOptions> auth) : PageModel
{
    /// <summary>A new e-mail address for the account, with the password, as <c>POST /api/me/email</c> takes them.</summary>
    [BindProperty] public EmailChangeForm EmailChange { get; set; } = new();

    /// <summary>The person's account: its address, and one waiting for confirmation.</summary>
    public Nq45Consult.Consultation.Accounts.Account? Account { get; private set; }

    /// <summary>Local accounts change their address here; Entra ID's come from the directory.</summary>
    public bool EmailChangeOffered => !auth.Value.IsEntraId && Account is { ViaEntraId: false };

    /// <summary>The person's language, as <c>PUT /api/me/language</c> sets it.</summary>
    [BindProperty] public string? Language { get; set; }

    [BindProperty] public ProfileForm Form { get; set; } = new();

    /// <summary>The consultation a declaration is about.</summary>
    [BindProperty] public Guid? DeclarationConsultation { get; set; }
    [BindProperty] public bool? HasInterests { get; set; }
    [BindProperty] public string? Statement { get; set; }

    public ExpertProfile? Profile { get; private set; }
    public IReadOnlyList<MemberAssociation> Associations { get; private set; } = [];
    public IReadOnlyList<InterestDeclaration> Declarations { get; private set; } = [];

    /// <summary>The consultations the person may read, for the titles of their declarations.</summary>
    public IReadOnlyList<ConsultationDetails> Known { get; private set; } = [];

    /// <summary>Open ones: those a new declaration may be about.</summary>
    public IEnumerable<ConsultationDetails> Open => Known.Where(c => c.Status == ConsultationStatus.Open);

    public IReadOnlyList<string> AllowedFields => options.Value.AllowedFields;

    /// <summary>Experts keep a profile and declare interests; others only read and download.</summary>
    public bool MayEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await Load(cancellation);
        Form = ProfileForm.Of(Profile, SignedInCaller.Of(User).DisplayName);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellation)
    {
        if (!await IsExpert()) return Forbid();
        var outcome = await save.Handle(new SaveOwnProfile(SignedInCaller.Of(User).UserName, Form.ToInput(), Form.ToConsent()), cancellation);
        return await Answer(outcome.Decision!, "Form.", "ProfileSaved", cancellation);
    }

    public async Task<IActionResult> OnPostDeclareAsync(CancellationToken cancellation)
    {
        if (!await IsExpert()) return Forbid();
        var caller = SignedInCaller.Of(User);
        if (DeclarationConsultation is not { } consultation)
            return await Answer(Decision.Invalid("declarationConsultation", texts["ProfileChooseConsultation"]), "", "", cancellation);
        var outcome = await declare.Handle(new DeclareInterests(consultation, caller.UserName, caller.DisplayName, HasInterests, Statement), cancellation);
        return outcome is null ? NotFound() : await Answer(outcome.Decision, "", "ProfileDeclared", cancellation);
    }

    public async Task<IActionResult> OnPostLanguageAsync(CancellationToken cancellation) =>
        await LanguageEndpoints.Choose(HttpContext, chooseLanguage, Language, cancellation) is { } decision
            ? await Answer(decision, "", "ProfileLanguageSaved", cancellation)
            : NotFound();

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken cancellation)
    {
        if (auth.Value.IsEntraId) return NotFound();
        var decision = await EmailChangeEndpoints.RequestFor(User, requestEmailChange, EmailChange.Email, EmailChange.Password, cancellation);
        EmailChange.Password = null;
        return decision is null ? NotFound() : await Answer(decision, "EmailChange.", "ProfileEmailChangeSent", cancellation);
    }

    /// <summary>Everything held about the person, as <c>GET /api/me/profile/export</c> answers it, as a file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellation)
    {
        var data = await export.Export(SignedInCaller.Of(User).UserName, cancellation);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, json.Value.SerializerOptions), "application/json", "personal-data.json");
    }

    private async Task<IActionResult> Answer(Decision decision, string prefix, string done, CancellationToken cancellation)
    {
        if (decision.Accepted)
        {
            TempData["Message"] = texts[done].Value;
            return RedirectToPage();
        }
        ModelState.AddDecisionErrors(decision, prefix);
        await Load(cancellation);
        return Page();
    }

    private async Task<bool> IsExpert() => (await authorization.AuthorizeAsync(User, Policies.GiveFeedback)).Succeeded;

    private async Task Load(CancellationToken cancellation)
    {
        var caller = SignedInCaller.Of(User);
        MayEdit = await IsExpert();
        Profile = await profiles.ByUserName(caller.UserName, cancellation);
        Associations = await associationList.All(cancellation);
        Declarations = await interests.Mine(caller.UserName, cancellation);
        Known = await consultations.Visible(Enum.GetValues<ConsultationStatus>(), caller, cancellation);
        Account = await accounts.Find(caller.UserName, cancellation);
        Language ??= Languages.Of(Account?.Language);
    }
}
