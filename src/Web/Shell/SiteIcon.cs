using Microsoft.AspNetCore.StaticFiles;

namespace Nq45Consult.Web.Shell;

/// <summary>
/// The site's icon: the layout links it with its content hash (<c>asp-append-version</c>), so a changed icon has a new
/// address and the versioned one may be kept by browsers for a year instead of being asked for on every page.
/// </summary>
public static class SiteIcon
{
    public const string Path = "/favicon.svg";

    public static void CacheLong(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        if (request.Path == Path && request.Query.ContainsKey("v"))
            context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
    }
}
