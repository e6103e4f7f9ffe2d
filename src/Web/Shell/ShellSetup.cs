using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
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
        return builder;
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapWebShell(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi();
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference();
        return app;
    }
}
