using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Limits;

/// <summary>Whose calls a hub method's limit counts together.</summary>
public enum RateLimitScope
{
    /// <summary>The person's, over all their connections (a second tab or a reconnect does not reset it).</summary>
    User,

    /// <summary>One connection's.</summary>
    Connection,
}

/// <summary>The hub method is limited by the setting <see cref="Limit"/> of <see cref="RateLimitOptions"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RateLimitedAttribute(string limit, RateLimitScope scope) : Attribute
{
    public string Limit { get; } = limit;

    public RateLimitScope Scope { get; } = scope;
}

/// <summary>
/// Every hub: a call to a method marked <see cref="RateLimitedAttribute"/> over its limit is refused with a
/// <see cref="HubException"/> saying when to try again, and does nothing. Runs after the session check, so a call
/// from an ended session is not counted.
/// </summary>
public sealed class HubRateLimits(IOptions<RateLimitOptions> options, IStringLocalizer<SharedResource> texts, TimeProvider time) : IHubFilter, IDisposable
{
    private readonly ConcurrentDictionary<string, KeyedLimit> limits = new();

    // Read once per method: reflection at every call showed in the profile of a live room's upvote storm.
    private readonly ConcurrentDictionary<MethodInfo, RateLimitedAttribute?> marks = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (marks.GetOrAdd(invocation.HubMethod, m => m.GetCustomAttribute<RateLimitedAttribute>()) is { } limited)
        {
            var limit = limits.GetOrAdd(limited.Limit, name => new KeyedLimit(options.Value.All()[name], time));
            var connection = invocation.Context;
            var key = limited.Scope == RateLimitScope.User && RateLimits.UserKey(connection.User!) is { Length: > 0 } user ? user : connection.ConnectionId;
            if (limit.Refusal(key) is { } retryAfter) throw new HubException(texts["TooManyRequestsHub", RateLimits.Seconds(retryAfter)]);
        }
        return await next(invocation);
    }

    public void Dispose()
    {
        foreach (var limit in limits.Values) limit.Dispose();
    }
}
