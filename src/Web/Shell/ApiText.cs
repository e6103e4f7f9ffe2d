using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Shell;

/// <summary>
/// The shared resources for answers built where no localizer is injected: the static ProblemDetails helpers every
/// endpoint shares, and hub errors. Within a request the request localization has already chosen the UI culture; a hub
/// call is read in the culture its connection was opened with, since it arrives long after that request's middleware.
/// </summary>
public static class ApiText
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource));

    public static string Of(string key, params object[] args) => In(CultureInfo.CurrentUICulture, key, args);

    public static string Of(HubCallerContext connection, string key, params object[] args) =>
        In(connection.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? ShellSetup.Vietnamese, key, args);

    private static string In(CultureInfo culture, string key, object[] args)
    {
        var text = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No text {key} in the resources.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
