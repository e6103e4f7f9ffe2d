using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.SignalR;
using Marten;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Nq45Consult.Consultation.Accounts;
using Nq45Consult.Consultation.Accounts.Caching;
using Nq45Consult.Consultation.Accounts.SigningIn;

namespace Nq45Consult.Web.Accounts;

/// <summary>Authentication schemes: one policy scheme in front picks bearer or cookie per request.</summary>
public static class AuthSchemes
{
    public const string Default = "Nq45";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string LocalBearer = BearerTokenDefaults.AuthenticationScheme;
    public const string EntraBearer = JwtBearerDefaults.AuthenticationScheme;
    public const string EntraPages = "EntraPages";
    public const string EntraApi = "EntraApi";
    public const string EntraSignIn = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>API and hub calls: they answer 401/403 and never redirect to a sign-in page.</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    /// <summary>A bearer token in JWT form (Entra ID's); the app's own tokens are opaque, without dots.</summary>
    public static bool CarriesJwt(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : HubQueryToken(context) ?? "";
        return token.Count(c => c == '.') == 2;
    }

    public static bool CarriesToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || HubQueryToken(context) is not null;

    /// <summary>Browsers cannot set headers on WebSockets, so the SignalR client sends the token as <c>?access_token=</c>.</summary>
    public static string? HubQueryToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase) && context.Request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token)
            ? token.ToString()
            : null;
}

public static class AccountsSetup
{
    /// <summary>One handler per use case, one query class for what admins read.</summary>
    private static void AddAccountHandlers(this IServiceCollection services)
    {
        services.AddSingleton<Consultation.Accounts.Registering.RegisterAccountHandler>();
        services.AddSingleton<SignInHandler>();
        services.AddSingleton<EntraIdSignInHandler>();
        services.AddSingleton<ChangeOwnPasswordHandler>();
        services.AddSingleton<Consultation.Accounts.ResettingPasswords.RequestPasswordResetHandler>();
        services.AddSingleton<Consultation.Accounts.ResettingPasswords.CompletePasswordResetHandler>();
        services.AddSingleton<Consultation.Accounts.ResettingPasswords.PasswordResetLinks>();
        services.AddSingleton<Consultation.Accounts.Preferences.ChooseLanguageHandler>();
        services.AddSingleton<Consultation.Accounts.ChangingEmail.RequestEmailChangeHandler>();
        services.AddSingleton<Consultation.Accounts.ChangingEmail.ConfirmEmailChangeHandler>();
        services.AddSingleton<Consultation.Accounts.ChangingEmail.EmailChangeLinks>();
        services.AddSingleton<Consultation.Accounts.Administering.CreateAccountHandler>();
        services.AddSingleton<Consultation.Accounts.Administering.ChangeRolesHandler>();
        services.AddSingleton<Consultation.Accounts.Administering.DeactivateAccountHandler>();
        services.AddSingleton<Consultation.Accounts.Administering.ReactivateAccountHandler>();
        services.AddSingleton<Consultation.Accounts.Administering.ResetPasswordHandler>();
        services.AddSingleton<Consultation.Accounts.Administering.AssignAgencyHandler>();
        services.AddSingleton<Consultation.Accounts.Querying.AccountQueries>();
        services.AddSingleton<Consultation.Accounts.Agencies.CreateAgencyHandler>();
        services.AddSingleton<Consultation.Accounts.Agencies.RenameAgencyHandler>();
        services.AddSingleton<Consultation.Accounts.Agencies.RetireAgencyHandler>();
        services.AddSingleton<Consultation.Accounts.Agencies.AgencyQueries>();
    }

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AuthOptionsValidation>();
        services.AddSingleton<IValidateOptions<AuthOptions>>(sp => sp.GetRequiredService<AuthOptionsValidation>());
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var lockout = sp.GetRequiredService<IOptions<AuthOptions>>().Value.Lockout;
            return new LockoutPolicy(lockout.MaxFailures, TimeSpan.FromMinutes(lockout.Minutes));
        });
        services.AddSingleton(sp => new Consultation.Accounts.ResettingPasswords.PasswordResetPolicy(
            TimeSpan.FromMinutes(sp.GetRequiredService<IOptions<AuthOptions>>().Value.PasswordReset.LinkMinutes)));
        services.AddSingleton(sp => new Consultation.Accounts.ChangingEmail.EmailChangePolicy(
            TimeSpan.FromMinutes(sp.GetRequiredService<IOptions<AuthOptions>>().Value.EmailChange.LinkMinutes)));
        services.AddSingleton<Consultation.Accounts.IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<Consultation.Seeding.IDemoSeeder, DemoAccounts>();
        services.AddSingleton<Consultation.Seeding.IDemoSeeder, Consultation.Accounts.Agencies.DemoAgencies>();
        services.AddAccountHandlers();
        services.AddSingleton<AccountCache>();
        services.ConfigureMarten((sp, options) => options.Listeners.Add(new AccountChangeSignal.EvictAfterCommit(sp.GetRequiredService<AccountCache>())));
        services.AddHostedService<AccountChangeListener>();
        services.AddSingleton<IClaimsTransformation, SessionCheck>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ChallengeRefusedSessions>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubSessionCheck>();
        services.Configure<HubOptions>(options => options.AddFilter<HubSessionCheck>());
        services.AddAuthorization(Policies.Add);

        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.IsEntraId) AddEntraId(builder, auth);
        else if (auth.IsBoth) AddBoth(builder, auth);
        else AddLocal(builder, auth);
        return builder;
    }

    private static void AddLocal(WebApplicationBuilder builder, AuthOptions auth)
    {
        var authentication = builder.Services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Bearer token or cookie", options =>
                options.ForwardDefaultSelector = context => AuthSchemes.CarriesToken(context) ? AuthSchemes.LocalBearer : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                ConfigureSignInCookie(options, auth);
                ConfigureSignInPage(options);
            });
        AddLocalBearer(builder, authentication, auth);
    }

    /// <summary>
    /// <c>Auth:Mode</c> <c>Both</c>: the sign-in page offers the local form and Entra ID; a bearer token is Entra ID's when
    /// it is a JWT (three dot-separated parts), the app's own otherwise; pages and their calls carry the one sign-in cookie,
    /// written by either sign-in.
    /// </summary>
    private static void AddBoth(WebApplicationBuilder builder, AuthOptions auth)
    {
        var authentication = builder.Services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Local or Entra ID bearer token, or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    !AuthSchemes.CarriesToken(context) ? AuthSchemes.Cookie
                    : AuthSchemes.CarriesJwt(context) ? AuthSchemes.EntraBearer
                    : AuthSchemes.LocalBearer);
        AddEntraIdSchemes(builder, authentication, auth);
        AddLocalBearer(builder, authentication, auth);
        // After Identity.Web's own set-up of the cookie: pages without a session go to the page offering both sign-ins.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(AuthSchemes.Cookie, ConfigureSignInPage);
        // Linking to a local account needs the person's address in the ID token.
        builder.Services.PostConfigure<OpenIdConnectOptions>(AuthSchemes.EntraSignIn, options => options.Scope.Add("email"));
    }

    private static void ConfigureSignInPage(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.AccessDeniedPath = "/account/denied";
        options.Events.OnRedirectToLogin = context => AnswerApiOr(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => AnswerApiOr(context, StatusCodes.Status403Forbidden);
    }

    private static void AddLocalBearer(WebApplicationBuilder builder, AuthenticationBuilder authentication, AuthOptions auth)
    {
        authentication.AddBearerToken(AuthSchemes.LocalBearer, options =>
        {
            options.BearerTokenExpiration = TimeSpan.FromMinutes(auth.TokenMinutes);
            options.Events.OnMessageReceived = context =>
            {
                context.Token ??= AuthSchemes.HubQueryToken(context.HttpContext);
                return Task.CompletedTask;
            };
        });
        builder.Services.PostConfigure<BearerTokenOptions>(AuthSchemes.LocalBearer, options =>
            options.BearerTokenProtector = new RememberedBearerTokens(options.BearerTokenProtector));
    }

    /// <summary>
    /// The sign-in cookie of both modes. Pages call <c>/api</c> and <c>/hubs</c> with it, without an anti-forgery
    /// token: <c>SameSite=Lax</c> keeps other sites' forms and scripts from sending it on unsafe requests.
    /// </summary>
    private static void ConfigureSignInCookie(CookieAuthenticationOptions options, AuthOptions auth)
    {
        options.Cookie.Name = "nq45.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(auth.CookieMinutes);
        options.SlidingExpiration = true;
    }

    /// <summary>Pages redirect to the sign-in page; API and hub calls get the bare status (a ProblemDetails body follows).</summary>
    private static Task AnswerApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (AuthSchemes.IsApi(context.HttpContext)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddEntraId(WebApplicationBuilder builder, AuthOptions auth)
    {
        var authentication = builder.Services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Entra ID token or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    AuthSchemes.CarriesToken(context) ? AuthSchemes.EntraBearer
                    : AuthSchemes.IsApi(context) ? AuthSchemes.EntraApi
                    : AuthSchemes.EntraPages)
            .AddPolicyScheme(AuthSchemes.EntraPages, "Entra ID sign-in for pages", options =>
            {
                options.ForwardDefault = AuthSchemes.Cookie;
                options.ForwardChallenge = AuthSchemes.EntraSignIn;
            })
            // The pages' own API and hub calls carry the sign-in cookie, not a token; refused, they get the bare 401 or
            // 403 of an API instead of a redirect to Entra ID.
            .AddPolicyScheme(AuthSchemes.EntraApi, "Entra ID sign-in cookie for API and hub calls", options =>
            {
                options.ForwardDefault = AuthSchemes.Cookie;
                options.ForwardChallenge = AuthSchemes.EntraBearer;
                options.ForwardForbid = AuthSchemes.EntraBearer;
            });
        AddEntraIdSchemes(builder, authentication, auth);
    }

    /// <summary>Entra ID's bearer tokens (API and hubs) and its sign-in for pages, into the one sign-in cookie.</summary>
    private static void AddEntraIdSchemes(WebApplicationBuilder builder, AuthenticationBuilder authentication, AuthOptions auth)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<EntraIdOptions>>(sp => sp.GetRequiredService<AuthOptionsValidation>());
        services.AddOptions<EntraIdOptions>().BindConfiguration(EntraIdOptions.Section).ValidateOnStart();
        var section = builder.Configuration.GetSection(EntraIdOptions.Section);
        authentication.AddMicrosoftIdentityWebApi(section, AuthSchemes.EntraBearer);
        authentication.AddMicrosoftIdentityWebApp(section, AuthSchemes.EntraSignIn, AuthSchemes.Cookie);

        services.PostConfigure<CookieAuthenticationOptions>(AuthSchemes.Cookie, options => ConfigureSignInCookie(options, auth));
        services.PostConfigure<OpenIdConnectOptions>(AuthSchemes.EntraSignIn, options =>
        {
            options.TokenValidationParameters.NameClaimType = CallerClaims.DisplayNameClaim;
            options.TokenValidationParameters.RoleClaimType = "roles";
        });
        services.PostConfigure<JwtBearerOptions>(AuthSchemes.EntraBearer, options =>
        {
            options.TokenValidationParameters.NameClaimType = CallerClaims.DisplayNameClaim;
            options.Events ??= new JwtBearerEvents();
            // Keep Identity.Web's own handler and add the hub's query-string token after it.
            var identityWebHandler = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await identityWebHandler(context);
                context.Token ??= AuthSchemes.HubQueryToken(context.HttpContext);
            };
        });
    }
}
