using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Nq45Consult.Web.Dialogue;
using Nq45Consult.Web.Feedback;
using Nq45Consult.Web.Notifications;
using static Nq45Consult.Web.Tests.Accounts.Who;

namespace Nq45Consult.Web.Tests.Accounts;

/// <summary>
/// Every API route, Razor page handler and hub method, as anonymous and as each role: refused (401 anonymous, 403
/// signed in, a page's redirect to sign-in or "denied", or the hub's refusal) exactly when the table says so;
/// "allowed" is any other answer (bad input, 404 and 409 included). The routes and pages come from the app's endpoint
/// data source and the hub methods from the hub classes, so a new route, page, handler or method without a line here
/// fails the test. What every answer contains is checked against the seeded sensitive data (the other part of this class).
/// </summary>
public partial class AuthorizationMatrixTests(AuthorizationMatrixApp app) : IClassFixture<AuthorizationMatrixApp>
{
    private const Who Experts = Expert | OtherExpert | TwoRoles;
    private const Who Moderators = Moderator;
    private const Who Officials = Official | TwoRoles;
    private const Who Admins = Admin;
    private const Who Reviewers = Moderator | Officials;
    private const Who RegistryKeepers = Moderator | Admin;
    private const Who RoomMembers = Experts | Reviewers;

    /// <summary>Who may call each route: "METHOD pattern" as the endpoint declares it (no trailing slash).</summary>
    public static readonly IReadOnlyDictionary<string, Who> Routes = new Dictionary<string, Who>
    {
        ["POST /api/auth/login"] = Anyone,
        ["POST /api/auth/password-reset"] = Anyone,
        ["POST /api/auth/password-reset/complete"] = Anyone,
        ["GET /api/me"] = SignedIn,
        ["PUT /api/me/password"] = SignedIn,
        ["PUT /api/me/language"] = SignedIn,
        ["POST /api/me/email"] = SignedIn,
        ["POST /api/me/email/confirm"] = Anyone,
        ["GET /api/me/feedback"] = Experts,
        ["GET /api/me/profile"] = SignedIn,
        ["PUT /api/me/profile"] = Experts,
        ["GET /api/me/profile/export"] = SignedIn,
        ["GET /api/me/notifications"] = SignedIn,
        ["POST /api/me/notifications/{id:guid}/read"] = SignedIn,
        ["POST /api/me/notifications/read-all"] = SignedIn,
        ["GET /api/me/notification-preferences"] = SignedIn,
        ["PUT /api/me/notification-preferences"] = SignedIn,

        ["GET /api/users"] = Admins,
        ["POST /api/users"] = Admins,
        ["GET /api/users/{userName}"] = Admins,
        ["GET /api/users/{userName}/history"] = Admins,
        ["PUT /api/users/{userName}/roles"] = Admins,
        ["POST /api/users/{userName}/deactivate"] = Admins,
        ["POST /api/users/{userName}/reactivate"] = Admins,
        ["POST /api/users/{userName}/password-reset"] = Admins,
        ["POST /api/users/{userName}/agency"] = Admins,
        ["GET /api/agencies"] = SignedIn,
        ["POST /api/agencies"] = Admins,
        ["PUT /api/agencies/{id:guid}"] = Admins,
        ["POST /api/agencies/{id:guid}/retire"] = Admins,

        ["GET /api/consultations"] = Anyone,
        ["GET /api/search"] = Anyone,
        ["POST /api/consultations"] = Moderators,
        ["GET /api/consultations/{id}"] = Anyone,
        ["PUT /api/consultations/{id}"] = Moderators,
        ["GET /api/consultations/{id}/history"] = Moderators,
        ["POST /api/consultations/{id}/open"] = Moderators,
        ["POST /api/consultations/{id}/close"] = Moderators,
        ["POST /api/consultations/{id}/invitations"] = Moderators,
        ["GET /api/consultations/{id}/invitations"] = Moderators,
        ["GET /api/consultations/{id}/email-invitations"] = Moderators,
        ["POST /api/email-invitations/{id:guid}/resend"] = Moderators,
        ["POST /api/email-invitations/{id:guid}/revoke"] = Moderators,
        // The e-mailed token is the proof: anyone holding one may create the account it was sent for.
        ["POST /api/auth/invitations/accept"] = Anyone,
        ["POST /api/auth/signup"] = Anyone,
        ["POST /api/auth/verify"] = Anyone,
        ["GET /api/signups"] = Moderators,
        ["POST /api/signups/{userName}/approve"] = Moderators,
        ["POST /api/signups/{userName}/decline"] = Moderators,
        ["POST /api/consultations/{id}/versions"] = Moderators,
        ["POST /api/consultations/{id}/versions/upload"] = Moderators,
        ["GET /api/consultations/{id}/versions/{version:int}"] = Anyone,
        ["GET /api/consultations/{id}/versions/{version:int}/diff/{other:int}"] = Anyone,
        ["GET /api/consultations/{id}/versions/{version:int}/draft.pdf"] = Anyone,
        ["POST /api/drafts/preview"] = Moderators,

        ["GET /api/consultations/{id:guid}/feedback"] = Anyone,
        ["POST /api/consultations/{id:guid}/feedback"] = Experts,
        ["GET /api/consultations/{id:guid}/summary"] = Anyone,
        ["GET /api/consultations/{id:guid}/moderation-log"] = Anyone,
        ["PUT /api/feedback/{id:guid}"] = Experts,
        // The seeded item is the anonymous one: only its author withdraws it, only others report it.
        ["DELETE /api/feedback/{id:guid}"] = Expert,
        ["GET /api/feedback/{id:guid}/history"] = Reviewers,
        ["POST /api/feedback/{id:guid}/moderation"] = Moderators,
        ["POST /api/feedback/{id:guid}/reports"] = OtherExpert | TwoRoles,
        ["GET /api/moderation/queue"] = Moderators,
        ["POST /api/consultations/{id:guid}/feedback/on-behalf"] = Moderators,

        ["POST /api/feedback/{id:guid}/response"] = Officials,
        ["POST /api/feedback/{id:guid}/addressed"] = Reviewers,
        ["POST /api/consultations/{id:guid}/responses/group"] = Officials,
        ["POST /api/consultations/{id}/responses/publish"] = Officials,
        ["PUT /api/consultations/{id}/response-deadline"] = Officials,
        ["GET /api/consultations/{id}/review"] = Reviewers,
        ["GET /api/consultations/{id}/review/items"] = Reviewers,
        ["GET /api/consultations/{id}/dashboard"] = Reviewers,
        ["GET /api/consultations/{id}/dashboard/breakdown"] = Reviewers,
        ["GET /api/consultations/{id}/duplicates"] = Reviewers,
        ["GET /api/consultations/{id}/carried"] = Reviewers,
        ["GET /api/consultations/{id}/critique"] = Reviewers,
        ["PUT /api/consultations/{id}/critique"] = Moderators,
        ["GET /api/consultations/{id}/critique.docx"] = Reviewers,
        ["GET /api/consultations/{id}/report.{format}"] = Reviewers,
        ["GET /api/consultations/{id}/report-details"] = Reviewers,
        ["PUT /api/consultations/{id}/report-details"] = Reviewers,

        ["GET /api/consultations/{id:guid}/survey"] = Anyone,
        ["PUT /api/consultations/{id:guid}/survey"] = Moderators,
        ["POST /api/consultations/{id:guid}/survey/responses"] = Experts,
        // The seeded survey's results are not public.
        ["GET /api/consultations/{id:guid}/survey/results"] = Reviewers,

        ["GET /api/consultations/{id:guid}/sessions"] = RoomMembers,
        ["POST /api/consultations/{id:guid}/sessions"] = Moderators,
        ["GET /api/sessions/{id:guid}"] = RoomMembers,
        ["POST /api/sessions/{id:guid}/start"] = Moderators,
        ["POST /api/sessions/{id:guid}/end"] = Moderators,
        ["POST /api/sessions/{id:guid}/invitations"] = Moderators,
        ["GET /api/sessions/{id:guid}/transcript"] = RoomMembers,
        // Minutes: moderators write them (MinutesAccess), moderators and officials read them.
        ["POST /api/sessions/{id:guid}/minutes"] = Moderators,
        ["GET /api/sessions/{id:guid}/minutes"] = Reviewers,
        ["PUT /api/sessions/{id:guid}/minutes"] = Moderators,
        ["POST /api/sessions/{id:guid}/minutes/finalise"] = Moderators,
        ["GET /api/sessions/{id:guid}/minutes.docx"] = Reviewers,

        ["GET /api/experts"] = RegistryKeepers,
        ["POST /api/experts"] = RegistryKeepers,
        ["GET /api/experts/{id:guid}"] = RegistryKeepers,
        ["PUT /api/experts/{id:guid}"] = RegistryKeepers,
        ["POST /api/experts/import"] = RegistryKeepers,
        ["GET /api/experts/export"] = RegistryKeepers,
        ["GET /api/experts/stats"] = RegistryKeepers,
        ["GET /api/experts/participation"] = RegistryKeepers,
        ["GET /api/indicators"] = RegistryKeepers,
        ["POST /api/indicators"] = Admins,
        ["PUT /api/indicators/{id:guid}"] = Admins,
        ["POST /api/indicators/{id:guid}/retire"] = Admins,
        ["GET /api/indicators/snapshots"] = RegistryKeepers,
        ["POST /api/indicators/snapshots"] = RegistryKeepers,
        ["GET /api/indicators/review.xlsx"] = RegistryKeepers,
        ["GET /api/indicators/review.docx"] = RegistryKeepers,
        ["GET /api/experts/filters"] = RegistryKeepers,
        ["POST /api/experts/filters"] = RegistryKeepers,
        ["POST /api/experts/filters/{id:guid}/retire"] = RegistryKeepers,
        ["GET /api/associations"] = SignedIn,
        ["POST /api/associations"] = RegistryKeepers,
        ["PUT /api/associations/{id:guid}"] = RegistryKeepers,
        ["POST /api/associations/{id:guid}/retire"] = RegistryKeepers,
        ["GET /api/consultations/{id:guid}/interests"] = Reviewers,
        ["GET /api/consultations/{id:guid}/interests/mine"] = Experts,
        ["PUT /api/consultations/{id:guid}/interests/mine"] = Experts,

        ["POST /api/consultations/{id:guid}/opinion-map"] = Moderators,
        ["GET /api/consultations/{id:guid}/opinion-map"] = Anyone,
        ["GET /api/consultations/{id:guid}/opinion-map.csv"] = Reviewers,
        ["GET /api/consultations/{id:guid}/opinion-map/profiles"] = Moderators,
        ["POST /api/consultations/{id:guid}/opinion-map/recompute"] = Moderators,
        ["GET /api/consultations/{id:guid}/statements"] = Anyone,
        ["POST /api/consultations/{id:guid}/statements"] = Experts | Moderators,
        ["GET /api/consultations/{id:guid}/statements/next"] = Experts,
        ["POST /api/statements/{id:guid}/vote"] = Experts,
        ["POST /api/statements/{id:guid}/approve"] = Moderators,
        ["POST /api/statements/{id:guid}/moderation"] = Moderators,
        ["POST /api/feedback/{id:guid}/statement"] = Moderators,

        // The seeded recommendation is the anonymous item's author's, anonymous too.
        ["GET /api/recommendations"] = Anyone,
        ["POST /api/recommendations"] = Experts,
        ["POST /api/recommendations/{id:guid}/support"] = Experts,
        ["POST /api/recommendations/{id:guid}/moderation"] = Moderators,
        ["POST /api/recommendations/{id:guid}/routing"] = Moderators,
        ["POST /api/recommendations/{id:guid}/answer"] = Officials,

        // The seeded case is the demo official's agency's, with expert1 appointed chair: others get 404 (AuthorizationMatrixTests.Cases).
        ["GET /api/cases"] = Anyone,
        ["POST /api/cases"] = Reviewers,
        ["GET /api/cases/{id:guid}"] = Anyone,
        ["POST /api/cases/{id:guid}/accept"] = Moderators,
        ["POST /api/cases/{id:guid}/decline"] = Moderators,
        ["GET /api/cases/{id:guid}/candidates"] = Moderators,
        ["POST /api/cases/{id:guid}/council"] = Moderators,
        // Only the appointed expert answers their seat; those who see the case but hold no seat there are refused.
        ["POST /api/cases/{id:guid}/council/{memberId:guid}/accept"] = Experts,
        ["POST /api/cases/{id:guid}/council/{memberId:guid}/decline"] = Experts,
        ["POST /api/cases/{id:guid}/session"] = Moderators,
        ["POST /api/cases/{id:guid}/report"] = Moderators,
        ["POST /api/cases/{id:guid}/answer"] = Officials,
        // The agency's official or a moderator attaches; the admin and the chair see the case but may not (403), others get 404.
        ["POST /api/cases/{id:guid}/attachments"] = Moderators | Officials | Expert,
        // A review is written by the case's reviewers only (the seeded case has none): those who see the case are refused, others get 404.
        ["GET /api/cases/{id:guid}/reviews"] = Anyone,
        ["PUT /api/cases/{id:guid}/reviews/mine"] = NotOnTheCase,
        ["POST /api/cases/{id:guid}/reviews/mine/submit"] = NotOnTheCase,
        ["GET /api/cases/{id:guid}/reviews/{memberId:guid}.docx"] = Anyone,
        ["POST /api/cases/{id:guid}/report/assemble"] = Moderators,
        // Its author (the seeded one is Expert's) or a moderator; the attachment routes' ids are nobody's (404).
        ["POST /api/recommendations/{id:guid}/attachments"] = Expert | Moderators,
        ["GET /api/attachments/{id:guid}"] = Anyone,
        ["POST /api/attachments/{id:guid}/withdrawal"] = SignedIn,
    };

    /// <summary>Who may call each hub method: "hub path Method". Anonymous callers of an [Authorize] hub never connect.</summary>
    public static readonly IReadOnlyDictionary<string, Who> HubMethods = new Dictionary<string, Who>
    {
        ["/hubs/consultation Watch"] = Anyone,
        ["/hubs/consultation Unwatch"] = Anyone,

        ["/hubs/dialogue Join"] = RoomMembers,
        ["/hubs/dialogue Resync"] = RoomMembers,
        ["/hubs/dialogue Ask"] = RoomMembers,
        ["/hubs/dialogue AskAbout"] = RoomMembers,
        ["/hubs/dialogue Upvote"] = RoomMembers,
        ["/hubs/dialogue Say"] = RoomMembers,
        ["/hubs/dialogue Vote"] = RoomMembers,
        ["/hubs/dialogue Answer"] = Reviewers,
        ["/hubs/dialogue Approve"] = Moderators,
        ["/hubs/dialogue Reject"] = Moderators,
        ["/hubs/dialogue Pin"] = Moderators,
        ["/hubs/dialogue OpenPoll"] = Moderators,
        ["/hubs/dialogue ClosePoll"] = Moderators,
        ["/hubs/dialogue HideMessage"] = Moderators,
        ["/hubs/dialogue NextAgendaStep"] = Moderators,
    };

    /// <summary>The hubs and their classes; a hub mapped without a line here fails the test.</summary>
    private static readonly IReadOnlyDictionary<string, Type> Hubs = new Dictionary<string, Type>
    {
        [ConsultationHub.Path] = typeof(ConsultationHub),
        ["/hubs/dialogue"] = typeof(DialogueHub),
        [NotificationsHub.Path] = typeof(NotificationsHub),
    };

    /// <summary>What the hubs answer when the caller's role or membership does not allow the call.</summary>
    private static readonly string[] HubRefusals =
    [
        "Bạn không thuộc danh sách tham gia phiên đối thoại này.",
        "Hãy vào phòng (Join) trước khi thao tác.",
        "Chỉ người điều hành phiên mới được làm việc này.",
        "Chỉ người điều hành hoặc cơ quan soạn thảo mới được trả lời.",
    ];

    private static readonly Who[] Order = [Anonymous, Expert, OtherExpert, Moderator, Official, Admin, TwoRoles];

    [Fact]
    public async Task Every_api_route_answers_each_role_as_the_table_says_and_never_what_the_role_may_not_see()
    {
        var routes = ApiRoutes();
        var missing = routes.Keys.Where(r => !Routes.ContainsKey(r)).ToList();
        var stale = Routes.Keys.Where(r => !routes.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Routes without a line in AuthorizationMatrixTests.Routes:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Lines in AuthorizationMatrixTests.Routes for routes that do not exist:\n" + string.Join("\n", stale));

        var wrong = new List<string>();
        foreach (var (route, contentType) in routes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            // Each report format is its own export: CSV, and XLSX and DOCX searched inside their parts.
            var paths = pattern.Contains("{format}") ? ReportFormats.Select(f => Fill(pattern).Replace("report.csv", $"report.{f}")).ToArray() : [Fill(pattern)];
            foreach (var path in paths)
            foreach (var who in Order)
            {
                var response = await app.Client(who).SendAsync(Request(method, path, contentType));
                var status = (int)response.StatusCode;
                var allowed = Routes[route].HasFlag(who);
                var refusedAs = who == Anonymous ? 401 : 403;
                if (allowed ? status is 401 or 403 : status != refusedAs)
                    wrong.Add($"{route} as {who}: {status}, expected {(allowed ? "allowed" : refusedAs)}");
                if (status >= 500) wrong.Add($"{route} as {who}: {status} (server error)");
                var text = await Text(response);
                wrong.AddRange(Leaks($"{method} {path}", who, text));
                // The Office exports are searched inside: the anonymous item is there, by its anonymous name.
                if (who == Official && pattern.Contains("report.") && (path.EndsWith(".xlsx") || path.EndsWith(".docx") || path.EndsWith(".pdf")))
                    Assert.Contains(Consultation.Feedback.FeedbackItem.AnonymousName, text);
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        AssertSeen(AuthorName, UnnamedName, Survey, DraftTitleSecret, "a private e-mail address", "a private phone number", "an invited person's e-mail address");
    }

    private static readonly string[] ReportFormats = ["csv", "xlsx", "docx", "pdf"];

    [Fact]
    public async Task Every_hub_method_answers_each_role_as_the_table_says()
    {
        var methods = Hubs.SelectMany(hub => HubMethodsOf(hub.Value).Select(m => (Hub: hub.Key, Method: m))).ToList();
        var names = methods.Select(m => $"{m.Hub} {m.Method.Name}").ToList();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").Where(p => p.StartsWith("/hubs/") && !p.EndsWith("/negotiate")).Distinct();
        Assert.Empty(mapped.Except(Hubs.Keys));
        Assert.True(names.All(HubMethods.ContainsKey), "Hub methods without a line in AuthorizationMatrixTests.HubMethods:\n" + string.Join("\n", names.Where(n => !HubMethods.ContainsKey(n))));
        Assert.Empty(HubMethods.Keys.Except(names));

        var wrong = new List<string>();
        foreach (var who in Order)
        foreach (var (hub, group) in methods.GroupBy(m => m.Hub).Select(g => (g.Key, g)))
        {
            HubConnection? connection = null;
            try
            {
                connection = await app.Hub(hub, who);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("status code: 401"))
            {
                // Not connected: every method of the hub is refused.
            }
            // Join first (methods are ordered so), as a client does; the rest then act inside the room.
            foreach (var (_, method) in group.OrderBy(m => m.Method.Name == "Join" ? 0 : 1))
            {
                var answer = connection is null ? HubAnswer.Refused : await Invoke(connection, method);
                if (answer == HubAnswer.ServerError || (answer == HubAnswer.Refused) == HubMethods[$"{hub} {method.Name}"].HasFlag(who))
                    wrong.Add($"{hub} {method.Name} as {who}: {answer}");
            }
            if (connection is not null) await connection.DisposeAsync();
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Contact_and_consent_reach_only_the_person_and_admins()
    {
        var profile = $"/api/experts/{app.PrivateProfileId}";
        var asModerator = await app.Client(Moderator).GetFromJsonAsync<JsonElement>(profile);
        var asAdmin = await app.Client(Admin).GetFromJsonAsync<JsonElement>(profile);
        Assert.Equal(JsonValueKind.Null, asModerator.GetProperty("contact").ValueKind);
        Assert.Equal(JsonValueKind.Null, asModerator.GetProperty("consent").ValueKind);
        Assert.Equal(AuthorizationMatrixApp.PrivateEmail, asAdmin.GetProperty("contact").GetProperty("email").GetString());
        Assert.True(asAdmin.GetProperty("consent").GetProperty("toBeContacted").GetBoolean());

        var search = await app.Client(Moderator).GetFromJsonAsync<JsonElement>("/api/experts");
        Assert.All(search.GetProperty("items").EnumerateArray(), p =>
        {
            Assert.Equal(JsonValueKind.Null, p.GetProperty("contact").ValueKind);
            Assert.Equal(JsonValueKind.Null, p.GetProperty("consent").ValueKind);
        });
        var moderatorCsv = await app.Client(Moderator).GetStringAsync("/api/experts/export");
        var adminCsv = await app.Client(Admin).GetStringAsync("/api/experts/export");
        Assert.DoesNotContain("email", moderatorCsv.Split('\n')[0]);
        Assert.DoesNotContain(AuthorizationMatrixApp.PrivateEmail, moderatorCsv);
        Assert.Contains("email", adminCsv.Split('\n')[0]);
        Assert.Contains(AuthorizationMatrixApp.PrivateEmail, adminCsv);

        var expert2 = app.CreateClient();
        expert2.DefaultRequestHeaders.Authorization = new("Bearer", await expert2.TokenAsync("expert2", Infrastructure.ConsultationApp.DemoPassword));
        Assert.Contains(AuthorizationMatrixApp.PrivateEmail, await expert2.GetStringAsync("/api/me/profile"));
        Assert.Contains(AuthorizationMatrixApp.PrivateEmail, await expert2.GetStringAsync("/api/me/profile/export"));
    }

    /// <summary>Every API endpoint by "METHOD pattern", as the table writes them, with the body type it accepts.</summary>
    private Dictionary<string, string> ApiRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (
                Route: $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}",
                // A route that declares its body type answers 415 to any other before authorization runs.
                ContentType: e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json")))
            .DistinctBy(r => r.Route)
            .ToDictionary(r => r.Route, r => r.ContentType);

    /// <summary>The route's values taken from the seeded data; a new kind of value fails here with its name.</summary>
    private string Fill(string pattern) => RouteValue().Replace(pattern, m =>
    {
        var before = pattern[..m.Index].TrimEnd('/');
        var collection = before[(before.LastIndexOf('/') + 1)..];
        return (m.Groups[1].Value, collection) switch
        {
            ("id", "consultations") or ("consultationId", _) => app.ConsultationId.ToString(),
            ("slug", _) => app.ConsultationSlug,
            ("id", "feedback") => app.FeedbackId.ToString(),
            ("id", "sessions") => app.RouteSessionId.ToString(),
            ("id", "experts") => app.PrivateProfileId.ToString(),
            ("id", "associations") => app.AssociationId.ToString(),
            ("id", "recommendations") => app.RecommendationId.ToString(),
            ("id", "cases") => app.CaseId.ToString(),
            ("memberId", _) => app.CaseMemberId.ToString(),
            ("userName", "users") => AuthorizationMatrixApp.TargetUser,
            ("userName", "signups") => "khong-dang-ky",
            // Nobody's: past authorization these answer 404, which is all the matrix asks.
            ("id", "notifications" or "filters" or "statements" or "agencies" or "email-invitations" or "attachments") => Guid.NewGuid().ToString(),
            ("id", "indicators") => Guid.NewGuid().ToString(),
            ("version" or "other" or "v" or "w", _) => "1",
            ("format", _) => "csv",
            var (name, _) => throw new InvalidOperationException($"No value for {{{name}}} in {pattern}: add one to AuthorizationMatrixTests.Fill."),
        };
    });

    /// <summary>An empty JSON object (or empty body of the declared type) for writes: past authorization it is bad input, storing nothing.</summary>
    private static HttpRequestMessage Request(string method, string path, string contentType) => new(new HttpMethod(method), path)
    {
        Content = method is not ("POST" or "PUT") ? null
            : contentType == "application/json" ? JsonContent.Create(new { })
            : new StringContent("", System.Text.Encoding.UTF8, contentType),
    };

    private static IEnumerable<MethodInfo> HubMethodsOf(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub);

    private enum HubAnswer { Allowed, Refused, ServerError }

    /// <summary>Invokes the method with real session and consultation ids and harmless other arguments.</summary>
    private async Task<HubAnswer> Invoke(HubConnection connection, MethodInfo method)
    {
        var arguments = method.GetParameters().Select(Argument).ToArray();
        try
        {
            await connection.InvokeCoreAsync(method.Name, typeof(object), arguments);
            return HubAnswer.Allowed;
        }
        catch (HubException e)
        {
            // SignalR passes a HubException's message on and hides any other exception: the equivalent of a 500.
            if (!e.Message.Contains("HubException: ")) return HubAnswer.ServerError;
            return HubRefusals.Any(e.Message.Contains) ? HubAnswer.Refused : HubAnswer.Allowed;
        }
    }

    private object? Argument(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(Guid) && parameter.Name == "sessionId" => app.HubSessionId,
        var t when t == typeof(Guid) && parameter.Name == "consultationId" => app.ConsultationId,
        var t when t == typeof(Guid) => Guid.NewGuid(),
        var t when t == typeof(string) && parameter.Name == "sectionAnchor" => null,
        var t when t == typeof(string) => "Kiểm tra quyền",
        var t when t == typeof(string[]) => new[] { "Có", "Không" },
        var t when t == typeof(int) || t == typeof(long) => 0,
        var t when t == typeof(bool) => false,
        var t => throw new InvalidOperationException($"No argument of type {t} for {parameter.Member.Name}({parameter.Name}): add one to AuthorizationMatrixTests.Argument."),
    };

    [GeneratedRegex(@"\{(\w+)(?::[^}]+)?\}")]
    private static partial Regex RouteValue();
}
