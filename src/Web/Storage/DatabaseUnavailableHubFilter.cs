using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Nq45Consult.Web.Resources;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Storage;

/// <summary>
/// Every hub, outermost filter: a hub call that fails because the database is unreachable fails with a
/// <see cref="HubException"/> the client can show (in the connection's language), not SignalR's bare
/// "An unexpected error occurred", and the connection stays open for the calls that follow the outage.
/// </summary>
public sealed class DatabaseUnavailableHubFilter(IStringLocalizer<SharedResource> texts, ILogger<DatabaseUnavailableHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (Exception e) when (DatabaseOutage.IsCause(e))
        {
            logger.LogWarning("Hub method {Method} failed: the database is unreachable ({Reason})", invocation.HubMethodName, e.GetBaseException().Message);
            CultureInfo.CurrentUICulture = invocation.Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture
                ?? ShellSetup.Vietnamese;
            throw new HubException(texts["UnavailableHub"]);
        }
    }
}
