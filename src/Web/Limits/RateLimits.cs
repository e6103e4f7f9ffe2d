using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Dialogue;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Limits;

/// <summary>
/// Abuse limits. HTTP routes and pages name a policy of ASP.NET Core's rate limiter (<see cref="SignIn"/>,
/// <see cref="Feedback"/>, <see cref="Reports"/>); what the middleware cannot see — the user name inside a sign-in
/// body, hub method calls — goes through <see cref="KeyedLimit"/>, counted in fixed windows the same way. Every refusal
/// is 429 with <c>Retry-After</c>: ProblemDetails for the API, a page in the person's language for pages.
/// </summary>
public static class RateLimits
{
    /// <summary>Sign-in attempts per IP address (<c>POST /api/auth/login</c>, the login page's form).</summary>
    public const string SignIn = "sign-in";

    /// <summary>"Forgot password" requests per IP address (<c>POST /api/auth/password-reset</c>, the /account/forgot form).</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>Feedback submissions and revisions per person (API and the feedback form).</summary>
    public const string Feedback = "feedback";

    /// <summary>Reports of feedback items per person (API and the consultation page's report form).</summary>
    public const string Reports = "reports";

    /// <summary>Sign-up requests per IP address (<c>POST /api/auth/signup</c>, the sign-up page's form).</summary>
    public const string SignUp = "sign-up";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>>(new ProblemsValidation<RateLimitOptions>(o => o.Problems()));
        services.AddSingleton<SignInLimits>();
        services.AddSingleton<PasswordResetLimits>();
        services.AddSingleton<HubRateLimits>();
        services.Configure<HubOptions>(options => options.AddFilter<HubRateLimits>());
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, http => Partition(http, limits => limits.SignInPerAddress, AddressKey(http)));
            options.AddPolicy(PasswordReset, http => Partition(http, limits => limits.PasswordResetPerAddress, AddressKey(http)));
            options.AddPolicy(Feedback, http => Partition(http, limits => limits.FeedbackPerUser, PersonKey(http)));
            options.AddPolicy(Reports, http => Partition(http, limits => limits.ReportsPerUser, PersonKey(http)));
            options.AddPolicy(SignUp, http => Partition(http, limits => limits.SignUpPerAddress, AddressKey(http)));
            options.OnRejected = (context, _) => new ValueTask(Refuse(context.HttpContext, RetryAfter(context.Lease)));
        });
        return builder;
    }

    /// <summary>After authorization: a caller refused there is not counted, and the person is known.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, Func<RateLimitOptions, RateLimit> limit, string key)
    {
        // Opening a form costs nothing; what it sends is what counts.
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var chosen = limit(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => chosen.Limiter());
    }

    private static string AddressKey(HttpContext http) => $"address:{http.Connection.RemoteIpAddress}";

    /// <summary>Pages a signed-out visitor may post to (and be sent to sign in from) count them by address.</summary>
    private static string PersonKey(HttpContext http) => UserKey(http.User) is { Length: > 0 } user ? $"user:{user}" : AddressKey(http);

    /// <summary>Whose actions a limit per person counts: the account (any session, any node's connection), else the name.</summary>
    public static string UserKey(ClaimsPrincipal user) =>
        SessionCheck.AccountOf(user)?.ToString() ?? CallerClaims.From(user)?.UserName ?? "";

    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);

    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    /// <summary>Sets 429 and <c>Retry-After</c> on the response and returns what to tell the person, in their language.</summary>
    public static string Refused(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Texts(http)["TooManyRequestsDetail", seconds];
    }

    /// <summary>The API's refusal: 429 ProblemDetails, with <c>Retry-After</c> already on the response.</summary>
    public static ProblemHttpResult Problem(HttpContext http, TimeSpan retryAfter)
    {
        var detail = Refused(http, retryAfter);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts(http)["TooManyRequestsTitle"], detail: detail);
    }

    private static async Task Refuse(HttpContext http, TimeSpan retryAfter)
    {
        if (AuthSchemes.IsApi(http))
        {
            await Problem(http, retryAfter).ExecuteAsync(http);
            return;
        }
        var detail = Refused(http, retryAfter);
        var view = new ViewResult
        {
            ViewName = "/Pages/Shared/TooManyRequests.cshtml",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<string>(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = detail },
        };
        await view.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    private static IStringLocalizer Texts(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
}

/// <summary>
/// A fixed-window limit counted per key, for what the rate limiter middleware cannot partition by. A key's window is
/// worked out when the key acts, so a key that does nothing costs nothing: the runtime's partitioned limiter walks
/// every key ten times a second to replenish it, which in a live room of thousands showed in the profile of every
/// join and vote. Windows that have ended are swept once a minute (or once a window, if longer).
/// </summary>
public sealed class KeyedLimit : IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly RateLimit limit;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Window> windows = new();
    private readonly ITimer sweep;

    public KeyedLimit(RateLimit limit, TimeProvider time)
    {
        (this.limit, this.time) = (limit, time);
        var every = limit.Window > SweepInterval ? limit.Window : SweepInterval;
        sweep = time.CreateTimer(_ => Sweep(), null, every, every);
    }

    /// <summary>How many keys have a window in force (or ended since the last sweep).</summary>
    public int Keys => windows.Count;

    /// <summary>Null when the action may go ahead (and is counted); otherwise how long until the key may act again.</summary>
    public TimeSpan? Refusal(string key)
    {
        while (true)
        {
            var window = windows.GetOrAdd(key, static _ => new Window());
            lock (window)
            {
                // Swept between the lookup and the lock: count in the window that replaced it.
                if (window.Swept) continue;
                var now = time.GetTimestamp();
                if (window.Count == 0 || time.GetElapsedTime(window.Start, now) >= limit.Window) (window.Start, window.Count) = (now, 0);
                if (window.Count >= limit.Permits) return limit.Window - time.GetElapsedTime(window.Start, now);
                window.Count++;
                return null;
            }
        }
    }

    private void Sweep()
    {
        var now = time.GetTimestamp();
        foreach (var (key, window) in windows)
            lock (window)
            {
                if (window.Count > 0 && time.GetElapsedTime(window.Start, now) < limit.Window) continue;
                window.Swept = true;
                windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
    }

    public void Dispose() => sweep.Dispose();

    private sealed class Window
    {
        public long Start;
        public int Count;
        public bool Swept;
    }
}

/// <summary>Sign-in attempts per user name (setting <c>RateLimits:SignInPerUserName</c>), whatever the address.</summary>
public sealed class SignInLimits(IOptions<RateLimitOptions> options, TimeProvider time) : IDisposable
{
    private readonly KeyedLimit perUserName = new(options.Value.SignInPerUserName, time);

    public TimeSpan? Refusal(string userName) => perUserName.Refusal(Consultation.Accounts.Account.Normalize(userName));

    public void Dispose() => perUserName.Dispose();
}

/// <summary>"Forgot password" requests per e-mail address (setting <c>RateLimits:PasswordResetPerEmail</c>), known or not alike.</summary>
public sealed class PasswordResetLimits(IOptions<RateLimitOptions> options, TimeProvider time) : IDisposable
{
    private readonly KeyedLimit perEmail = new(options.Value.PasswordResetPerEmail, time);

    public TimeSpan? Refusal(string email) => perEmail.Refusal(email.Trim().ToLowerInvariant());

    public void Dispose() => perEmail.Dispose();
}
