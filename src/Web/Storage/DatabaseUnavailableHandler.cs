using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Nq45Consult.Web.Accounts;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Storage;

/// <summary>
/// The database is unreachable: API calls answer 503 with <c>Retry-After</c> as ProblemDetails, pages a plain
/// "temporarily unavailable" page in the user's language (<see cref="UnavailablePage"/>). Any other exception is
/// left to the next handler.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> texts, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsCause(exception)) return false;
        logger.LogWarning("{Method} {Path} answered 503: the database is unreachable ({Reason})",
            context.Request.Method, context.Request.Path, exception.GetBaseException().Message);
        // The texts in the language the request asked for: the localization middleware's culture does not flow back out.
        CultureInfo.CurrentUICulture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? ShellSetup.Vietnamese;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (!AuthSchemes.IsApi(context) && await UnavailablePage.Write(context, texts)) return true;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = texts["UnavailableTitle"],
                Detail = texts["UnavailableDetail"],
            },
        });
    }
}
