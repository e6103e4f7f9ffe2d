using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Nq45Consult.Web.Tests.Accounts.Who;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// What the answers may contain. Every API route (each report format too), every page handler (GET and POST, signed
/// in with the cookie) and every hub event a role's client received is searched, as raw text (for XLSX and DOCX, the XML
/// of every part with and without its tags; for PDF, its text), for the markers of the seeded sensitive data; each marker may
/// appear only where <see cref="Secrets"/> says its reader may see it.
/// </summary>
public partial class AuthorizationMatrixTests
{
    /// <summary>Who may use each page handler: "GET route" and "POST route[?handler=Name]", route as the page declares it.</summary>
    public static readonly IReadOnlyDictionary<string, Who> Pages = new Dictionary<string, Who>
    {
        ["GET /"] = Anyone,
        ["GET /Culture"] = Anyone,
        ["POST /Culture"] = Anyone,
        ["GET /Me"] = SignedIn,
        ["GET /Account/Login"] = Anyone,
        ["POST /Account/Login"] = Anyone,
        ["GET /Account/Logout"] = Anyone,
        ["POST /Account/Logout"] = Anyone,
        // The refusal page itself: it answers 403 to everyone, by design.
        ["GET /Account/Denied"] = Nobody,
        ["GET /Account/Invitation"] = Anyone,
        ["POST /Account/Invitation"] = Anyone,
        ["GET /account/signup"] = Anyone,
        ["POST /account/signup"] = Anyone,
        ["GET /account/verify"] = Anyone,
        ["POST /account/verify"] = Anyone,
        ["GET /moderation/signups"] = Moderators,
        ["POST /moderation/signups?handler=Approve"] = Moderators,
        ["POST /moderation/signups?handler=Decline"] = Moderators,
        ["GET /account/password"] = SignedIn,
        ["POST /account/password"] = SignedIn,
        ["GET /Account/Forgot"] = Anyone,
        ["POST /Account/Forgot"] = Anyone,
        ["GET /Account/Reset"] = Anyone,
        ["POST /Account/Reset"] = Anyone,
        ["GET /Account/Email"] = Anyone,
        ["POST /Account/Email"] = Anyone,
        ["POST /Account/Login?handler=EntraId"] = Anyone,

        ["GET /consultations"] = Anyone,
        ["GET /search"] = Anyone,
        ["GET /consultations/new"] = Moderators,
        ["POST /consultations/new"] = Moderators,
        ["GET /consultations/{slug}"] = Anyone,
        // Past sign-in, a report the caller may not make is refused next to the item, on the page.
        ["POST /consultations/{slug}?handler=Report"] = SignedIn,
        ["GET /consultations/{slug}/versions/{v:int}/diff/{w:int}"] = Anyone,
        // Counts by reason only, as the public moderation-log API answers them.
        ["GET /consultations/{slug}/moderation"] = Anyone,
        ["GET /consultations/{slug}/manage"] = Moderators,
        ["POST /consultations/{slug}/manage?handler=Edit"] = Moderators,
        ["POST /consultations/{slug}/manage?handler=Open"] = Moderators,
        ["POST /consultations/{slug}/manage?handler=Close"] = Moderators,
        ["POST /consultations/{slug}/manage?handler=Invite"] = Moderators,
        ["GET /consultations/{slug}/manage/invitations"] = Moderators,
        ["POST /consultations/{slug}/manage/invitations?handler=Invite"] = Moderators,
        ["POST /consultations/{slug}/manage/invitations?handler=InviteSelected"] = Moderators,
        ["POST /consultations/{slug}/manage/invitations?handler=InviteFound"] = Moderators,
        ["POST /consultations/{slug}/manage/invitations?handler=Resend"] = Moderators,
        ["POST /consultations/{slug}/manage/invitations?handler=Revoke"] = Moderators,
        ["GET /consultations/{slug}/publish"] = Moderators,
        ["POST /consultations/{slug}/publish?handler=Preview"] = Moderators,
        ["POST /consultations/{slug}/publish?handler=Publish"] = Moderators,

        ["GET /feedback/write/{consultationId:guid}"] = Experts,
        ["POST /feedback/write/{consultationId:guid}"] = Experts,
        ["GET /me/feedback"] = Experts,
        ["POST /me/feedback?handler=Withdraw"] = Experts,
        ["GET /me/profile"] = SignedIn,
        ["POST /me/profile?handler=Save"] = Experts,
        ["POST /me/profile?handler=Declare"] = Experts,
        ["POST /me/profile?handler=Language"] = SignedIn,
        ["POST /me/profile?handler=Email"] = SignedIn,
        ["GET /moderation/feedback"] = Moderators,
        ["POST /moderation/feedback"] = Moderators,

        ["GET /review/{slug}"] = Reviewers,
        // Moderators' responses are refused on the dashboard, as a message.
        ["POST /review/{slug}?handler=Respond"] = Reviewers,
        ["POST /review/{slug}?handler=RespondToGroup"] = Reviewers,
        ["POST /review/{slug}?handler=Publish"] = Officials,
        ["POST /review/{slug}?handler=ReportDetails"] = Reviewers,
        ["POST /review/{slug}?handler=Addressed"] = Reviewers,
        ["GET /review/{slug}/critique"] = Reviewers,
        ["POST /review/{slug}/critique?handler=Add"] = Moderators,
        ["POST /review/{slug}/critique?handler=Save"] = Moderators,

        ["GET /surveys/{consultationId:guid}"] = Experts,
        ["POST /surveys/{consultationId:guid}"] = Experts,
        ["GET /surveys/{consultationId:guid}/edit"] = Moderators,
        ["POST /surveys/{consultationId:guid}/edit"] = Moderators,
        ["GET /surveys/{consultationId:guid}/results"] = Reviewers,

        // The seeded consultation's opinion map has one voter, the poll voter, whose name no page may show.
        ["GET /opinion-map/{consultationId:guid}"] = Anyone,
        ["GET /opinion-map/{consultationId:guid}/vote"] = Experts,
        ["POST /opinion-map/{consultationId:guid}/vote"] = Experts,
        ["GET /opinion-map/{consultationId:guid}/manage"] = Moderators,
        ["POST /opinion-map/{consultationId:guid}/manage?handler=TurnOn"] = Moderators,
        ["POST /opinion-map/{consultationId:guid}/manage?handler=Seed"] = Moderators,
        ["POST /opinion-map/{consultationId:guid}/manage?handler=Approve"] = Moderators,
        ["POST /opinion-map/{consultationId:guid}/manage?handler=Moderate"] = Moderators,
        ["POST /opinion-map/{consultationId:guid}/manage?handler=Draw"] = Moderators,
        ["GET /opinion-map/{consultationId:guid}/groups"] = Moderators,

        ["GET /recommendations"] = Anyone,
        // Past sign-in, a refusal for the caller's role is "denied"; an empty form is refused on the page (or 404).
        ["POST /recommendations?handler=Submit"] = Experts,
        ["POST /recommendations?handler=Support"] = Experts,
        ["POST /recommendations?handler=Moderate"] = Moderators,
        ["POST /recommendations?handler=Route"] = Moderators,
        ["POST /recommendations?handler=Answer"] = Officials,
        // An empty form names no recommendation: 404 to everyone signed in (the author-or-moderator rule needs one).
        ["POST /recommendations?handler=Attach"] = SignedIn,

        ["GET /cases"] = Anyone,
        ["POST /cases?handler=Request"] = Reviewers,
        // Anyone may ask; the seeded case answers 404 to those not involved (its subject is a marker).
        ["GET /cases/{id:guid}"] = Anyone,
        ["POST /cases/{id:guid}?handler=Accept"] = Moderators,
        ["POST /cases/{id:guid}?handler=Decline"] = Moderators,
        ["POST /cases/{id:guid}?handler=Appoint"] = Moderators,
        // Without a seat named, every signed-in caller is answered 404 (not refused).
        ["POST /cases/{id:guid}?handler=AcceptSeat"] = SignedIn,
        ["POST /cases/{id:guid}?handler=DeclineSeat"] = SignedIn,
        ["POST /cases/{id:guid}?handler=LinkSession"] = Moderators,
        ["POST /cases/{id:guid}?handler=SendReport"] = Moderators,
        ["POST /cases/{id:guid}?handler=Answer"] = Officials,
        // As its route: the admin and the chair are denied, others not involved get 404; an empty withdrawal names no file (404).
        ["POST /cases/{id:guid}?handler=Attach"] = Moderators | Officials | Expert,
        ["POST /cases/{id:guid}?handler=Withdraw"] = SignedIn,
        ["POST /cases/{id:guid}?handler=AssembleReport"] = Moderators,
        // The review form is its reviewers' (the seeded case has none): those who see the case are denied, others get 404.
        ["GET /cases/{id:guid}/review"] = NotOnTheCase,
        ["POST /cases/{id:guid}/review?handler=Save"] = NotOnTheCase,
        ["POST /cases/{id:guid}/review?handler=AddRow"] = NotOnTheCase,
        ["POST /cases/{id:guid}/review?handler=Submit"] = NotOnTheCase,

        ["GET /consultations/{slug}/sessions"] = Moderators,
        ["POST /consultations/{slug}/sessions"] = Moderators,
        ["GET /sessions/{id:guid}"] = RoomMembers,
        ["GET /sessions/{id:guid}/transcript"] = RoomMembers,
        ["GET /sessions/{id:guid}/present"] = RoomMembers,
        ["GET /sessions/{id:guid}/minutes"] = Reviewers,
        ["POST /sessions/{id:guid}/minutes?handler=Generate"] = Moderators,
        ["POST /sessions/{id:guid}/minutes?handler=Save"] = Moderators,
        ["POST /sessions/{id:guid}/minutes?handler=Finalise"] = Moderators,
        ["GET /feedback/on-behalf/{consultationId:guid}"] = Moderators,
        ["POST /feedback/on-behalf/{consultationId:guid}"] = Moderators,

        ["GET /experts"] = RegistryKeepers,
        ["POST /experts?handler=Import"] = RegistryKeepers,
        ["POST /experts?handler=SaveFilter"] = RegistryKeepers,
        ["POST /experts?handler=RetireFilter"] = RegistryKeepers,
        ["GET /experts/stats"] = RegistryKeepers,
        ["GET /experts/indicators"] = RegistryKeepers,
        ["POST /experts/indicators?handler=Snapshot"] = RegistryKeepers,
        // Moderators read the page and take snapshots; changing and retiring indicators is the admins'.
        ["POST /experts/indicators?handler=Change"] = Admins,
        ["POST /experts/indicators?handler=Retire"] = Admins,
        ["POST /experts/indicators?handler=Define"] = Admins,

        ["GET /notifications"] = SignedIn,
        ["POST /notifications?handler=Read"] = SignedIn,
        ["POST /notifications?handler=ReadAll"] = SignedIn,
        ["GET /notifications/preferences"] = SignedIn,
        ["POST /notifications/preferences"] = SignedIn,

        ["GET /admin/users"] = Admins,
        ["GET /admin/users/new"] = Admins,
        ["POST /admin/users/new"] = Admins,
        ["GET /admin/users/{userName}"] = Admins,
        ["POST /admin/users/{userName}?handler=Roles"] = Admins,
        ["POST /admin/users/{userName}?handler=Deactivate"] = Admins,
        ["POST /admin/users/{userName}?handler=Reactivate"] = Admins,
        ["POST /admin/users/{userName}?handler=Reset"] = Admins,
        ["POST /admin/users/{userName}?handler=Agency"] = Admins,
        ["GET /admin/agencies"] = Admins,
        ["POST /admin/agencies?handler=Create"] = Admins,
        ["POST /admin/agencies?handler=Rename"] = Admins,
        ["POST /admin/agencies?handler=Retire"] = Admins,
    };

    /// <summary>One kind of sensitive data: its marker, and where (route, page or hub) which reader may see it.</summary>
    private sealed record Secret(string Name, string Marker, Func<string, Who, bool> MaySee);

    private static bool IsModerator(Who who) => who.HasFlag(Moderator);

    /// <summary>Admins keep the accounts: they see every user name and display name there, and nowhere an author is hidden.</summary>
    private static bool KeepsAccounts(string where, Who who) =>
        who == Admin && (where.Contains(" /api/users", StringComparison.OrdinalIgnoreCase) || where.Contains(" /admin/users", StringComparison.OrdinalIgnoreCase));

    /// <summary>The expert registry: moderators and admins see profiles there (not who wrote what).</summary>
    private static bool KeepsRegistry(string where, Who who) =>
        who == Admin && (where.Contains(" /api/experts", StringComparison.OrdinalIgnoreCase) || where.Contains(" /experts", StringComparison.OrdinalIgnoreCase));

    private IEnumerable<Secret> Secrets()
    {
        bool Author(string where, Who who) => IsModerator(who) || who == Expert || KeepsAccounts(where, who);
        bool Unnamed(string where, Who who) => IsModerator(who) || KeepsAccounts(where, who) || KeepsRegistry(where, who);
        yield return new("the anonymous item's author's user name", AuthorizationMatrixApp.AuthorUserName, Author);
        yield return new("the anonymous item's author's display name", AuthorizationMatrixApp.AuthorDisplayName, Author);
        yield return new("the unconsenting author's user name", AuthorizationMatrixApp.UnnamedUserName, Unnamed);
        yield return new("the unconsenting author's display name", AuthorizationMatrixApp.UnnamedDisplayName, Unnamed);
        // The voter did nothing else: their name anywhere but the account pages would tie them to their ballot.
        yield return new("a poll voter's user name", AuthorizationMatrixApp.VoterUserName, KeepsAccounts);
        yield return new("a poll voter's display name", AuthorizationMatrixApp.VoterDisplayName, KeepsAccounts);
        // Free text of survey responses is in the results, without its author, for moderators and officials; its writer sees it on their form.
        yield return new("another expert's survey answer", AuthorizationMatrixApp.SurveyAnswer, (where, who) =>
            where.Contains("survey", StringComparison.OrdinalIgnoreCase) && (who == Expert || Reviewers.HasFlag(who)));
        yield return new("hidden chat text", AuthorizationMatrixApp.HiddenChat, (_, _) => false);
        // A consultation in draft is the moderators' until it opens.
        yield return new("a draft consultation's title", AuthorizationMatrixApp.DraftTitle, (_, who) => IsModerator(who));
        yield return new("a private e-mail address", AuthorizationMatrixApp.PrivateEmail, KeepsRegistry);
        // Addresses of people invited by e-mail: the moderators who follow the invitations, nobody else.
        yield return new("an invited person's e-mail address", AuthorizationMatrixApp.InvitedEmail, (_, who) => IsModerator(who));
        yield return new("a private phone number", AuthorizationMatrixApp.PrivatePhone, (where, who) =>
            KeepsRegistry(where, who) || who == OtherExpert && (where.Contains(" /api/me/profile", StringComparison.Ordinal) || where.Contains(" /me/profile", StringComparison.Ordinal)));
        // A case before its answer is public: the requesting agency's officials, moderators, admins and its council (expert1).
        yield return new("a case's subject", AuthorizationMatrixApp.CaseSubject, (_, who) => who is Moderator or Official or Admin or OtherExpert);
        yield return new("a password hash field", "passwordHash", (_, _) => false);
        yield return new("a security stamp field", "securityStamp", (_, _) => false);
        foreach (var hash in app.PasswordHashes)
            yield return new("a password hash", LongestRun().Matches(hash).MaxBy(m => m.Length)!.Value, (_, _) => false);
    }

    /// <summary>Which secrets were found where they may be: proof that the search finds what it looks for.</summary>
    private readonly HashSet<string> seen = [];

    /// <summary>What <paramref name="who"/> was answered at <paramref name="where"/> and may not see.</summary>
    private List<string> Leaks(string where, Who who, string text)
    {
        var found = Secrets().Where(s => text.Contains(s.Marker, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var secret in found.Where(s => s.MaySee(where, who))) seen.Add(secret.Name);
        return [.. found.Where(s => !s.MaySee(where, who)).Select(s => $"{where} as {who}: shows {s.Name}")];
    }

    /// <summary>Every secret that someone may see was found somewhere: the markers are really in the answers searched.</summary>
    private void AssertSeen(params string[] names) =>
        Assert.True(names.All(seen.Contains), "Never found where allowed: " + string.Join(", ", names.Where(n => !seen.Contains(n))));

    private const string AuthorName = "the anonymous item's author's display name";
    private const string UnnamedName = "the unconsenting author's display name";
    private const string Survey = "another expert's survey answer";
    private const string DraftTitleSecret = "a draft consultation's title";

    [Fact]
    public async Task Every_page_handler_answers_each_role_as_the_table_says_and_shows_nothing_it_must_not()
    {
        var handlers = PageHandlers();
        var missing = handlers.Where(h => !Pages.ContainsKey(h)).ToList();
        var stale = Pages.Keys.Where(h => !handlers.Contains(h)).ToList();
        Assert.True(missing.Count == 0, "Page handlers without a line in AuthorizationMatrixTests.Pages:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Lines in AuthorizationMatrixTests.Pages for page handlers that do not exist:\n" + string.Join("\n", stale));

        var wrong = new List<string>();
        foreach (var who in Order)
        {
            var browser = await app.Browser(who);
            var token = CookieLoginTests.AntiforgeryToken(await browser.GetStringAsync("/"));
            // Signing out goes last: the browser's cookie is gone after it.
            foreach (var handler in handlers.OrderBy(h => h.Contains("/Logout") ? 1 : 0).ThenBy(h => h, StringComparer.Ordinal))
            {
                var (method, route) = (handler[..handler.IndexOf(' ')], handler[(handler.IndexOf(' ') + 1)..]);
                var request = new HttpRequestMessage(new HttpMethod(method), Fill(route));
                if (method == "POST") request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                var response = await browser.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var refused = status is 401 or 403
                    || status == 302 && (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/denied", StringComparison.OrdinalIgnoreCase));
                if (refused == Pages[handler].HasFlag(who)) wrong.Add($"{handler} as {who}: {status} {location}, expected {(Pages[handler].HasFlag(who) ? "allowed" : "refused")}");
                if (status >= 500) wrong.Add($"{handler} as {who}: {status} (server error)");
                wrong.AddRange(Leaks(handler, who, await Text(response)));
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        AssertSeen(AuthorName, UnnamedName, Survey, DraftTitleSecret);
    }

    [Fact]
    public void No_hub_event_carries_what_its_receiver_may_not_see()
    {
        Assert.Equal(Order.Length, app.ConsultationHubText.Count);
        Assert.Equal(Order.Length - 1, app.DialogueHubText.Count);
        // The clients did receive the live changes they are searched in.
        Assert.All(app.ConsultationHubText.Values, text =>
        {
            Assert.Contains(app.UnnamedFeedbackId.ToString(), text);
            Assert.Contains(Consultation.Feedback.FeedbackItem.AnonymousName, Unescaped(text));
        });
        Assert.All(app.DialogueHubText.Where(d => d.Key != Admin).Select(d => d.Value), text => Assert.Contains("\"pollClosed\"", text));

        var wrong = new List<string>();
        foreach (var (who, text) in app.ConsultationHubText) wrong.AddRange(Leaks("hub /hubs/consultation", who, Unescaped(text)));
        foreach (var (who, text) in app.DialogueHubText) wrong.AddRange(Leaks("hub /hubs/dialogue", who, Unescaped(text)));
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Each page once (its shortest route), with GET and each of its POST handlers.</summary>
    private List<string> PageHandlers() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(p => p.Page is not null)
            .GroupBy(p => p.Page!.ViewEnginePath)
            .SelectMany(page =>
            {
                var route = "/" + page.Select(p => p.Endpoint.RoutePattern.RawText ?? "").MinBy(r => r.Length)!.TrimStart('/');
                var model = typeof(Program).Assembly.GetType("Nq45Consult.Web.Pages" + page.Key.Replace('/', '.') + "Model");
                var posts = (model?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) ?? [])
                    .Select(m => HandlerMethod().Match(m.Name)).Where(m => m.Success && m.Groups[1].Value == "Post")
                    .Select(m => $"POST {route}" + (m.Groups[2].Value is "" ? "" : $"?handler={m.Groups[2].Value}"));
                return posts.Prepend($"GET {route}");
            })
            .Distinct()];

    /// <summary>An answer as searchable text: Office documents by the XML of their parts (tags kept and removed), escapes undone.</summary>
    private static async Task<string> Text(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // A PDF is searched in its text, as a reader sees it.
        if (bytes is [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..]) return await Infrastructure.PdfFiles.Text(bytes);
        if (bytes is not [(byte)'P', (byte)'K', ..]) return Unescaped(Encoding.UTF8.GetString(bytes));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var part in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(part.Open());
            var xml = await reader.ReadToEndAsync();
            text.AppendLine(xml).AppendLine(Tag().Replace(xml, ""));
        }
        return Unescaped(text.ToString());
    }

    /// <summary>The text, then as HTML or XML decodes it, then with JSON's \u escapes undone: a marker is found however it was written.</summary>
    private static string Unescaped(string text) =>
        string.Join('\n', text, WebUtility.HtmlDecode(text), JsonEscape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()));

    [GeneratedRegex(@"^On(Get|Post)(\w*?)(Async)?$")]
    private static partial Regex HandlerMethod();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex("[A-Za-z0-9]{12,}")]
    private static partial Regex LongestRun();
}
