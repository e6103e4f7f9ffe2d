using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

namespace Nq45Consult.Web.Shell;

/// <summary>The web shell: pages, languages, error answers and the OpenAPI document.</summary>
public static class ShellSetup
{
    public static readonly CultureInfo Vietnamese = new("vi-VN");
    public static readonly CultureInfo English = new("en");

    public static WebApplicationBuilder AddWebShell(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLocalization();
        services.AddRazorPages().AddViewLocalization();
        // A checkbox bound to a bool posts nothing when unticked, which binds as false: the hidden
        // twin input the tag helper adds by default would only give the form two controls of one name.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(options =>
            options.HtmlHelperOptions.CheckBoxHiddenInputRenderMode = Microsoft.AspNetCore.Mvc.Rendering.CheckBoxHiddenInputRenderMode.None);
        // Vietnamese text goes out as characters, not as a numeric entity per letter.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        // A body the framework cannot bind is thrown, not logged and answered empty, in every environment:
        // BadRequestHandler turns it into a 400/415 naming the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddSingleton<Microsoft.AspNetCore.SignalR.IHubProtocolResolver, HubArgumentsResolver>();
        services.AddOpenApi();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Vietnamese);
            options.SupportedCultures = options.SupportedUICultures = [Vietnamese, English];
            // Vietnamese first: only an explicit choice (the header's switch, or ?culture=) changes the
            // language, not the browser's Accept-Language.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        AddTransportSecurity(builder);
        return builder;
    }

    /// <summary>
    /// Which proxies are believed, and outside Development HTTPS only: HSTS, a redirect for plain HTTP, and
    /// Secure on every cookie (sign-in, antiforgery, language), whoever writes it.
    /// </summary>
    private static void AddTransportSecurity(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(SecurityHeaders.For(builder.Configuration));
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>>(new ProblemsValidation<ForwardedHeadersSettings>(o => o.Problems()));
        services.AddOptions<HttpsOptions>().BindConfiguration(HttpsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpsOptions>>(new ProblemsValidation<HttpsOptions>(o => o.Problems()));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the settings name is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.Proxies()) options.KnownProxies.Add(proxy);
            foreach (var network in settings.Value.Networks()) options.KnownIPNetworks.Add(network);
        });
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<HttpsOptions>>((options, https) => options.HttpsPort = https.Value.Port);
        services.AddOptions<HstsOptions>().Configure<IOptions<HttpsOptions>>((options, https) => options.MaxAge = TimeSpan.FromDays(https.Value.HstsDays));
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        // First: the client's address and scheme are what everything after (limits, redirects, cookies) sees.
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.TrustsAnyProxy) app.UseForwardedHeaders();
        app.Use(app.Services.GetRequiredService<SecurityHeaders>().Add);
        if (app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value.IsRequired(app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
            app.UseCookiePolicy();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SiteIcon.CacheLong });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapWebShell(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi();
        // A fresh nonce per request on Scalar's own inline script, which SecurityHeaders allows on that answer only.
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference(options => options.WithNonce());
        return app;
    }
}
